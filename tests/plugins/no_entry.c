/* A shared library without hyoka_plugin_entry: not a hyoka plugin. */
int not_a_plugin(void) { return 42; }
