/* A plugin built for an ABI hyoka does not speak: loading it must fail with a clear error. */
#include "hyoka/plugin.h"

static const hyoka_plugin plugin = {HYOKA_PLUGIN_ABI_VERSION + 98, "wrong-abi", 0, 0};

HYOKA_PLUGIN_EXPORT const hyoka_plugin* hyoka_plugin_entry(void) { return &plugin; }
