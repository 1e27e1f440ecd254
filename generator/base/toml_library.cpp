// toml++'s parser itself, for the sanitizer and fuzzing builds (see CMakeLists.txt); every
// other file includes only its declarations (TOML_HEADER_ONLY=0).
#define TOML_IMPLEMENTATION
#include <toml++/toml.h>
