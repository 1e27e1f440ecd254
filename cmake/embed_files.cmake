# Files compiled into hyoka: every file below a folder becomes a byte-exact string in a generated
# C++ source, with a function that returns them by relative path. The same folder gives the same
# source on any machine (paths relative and sorted, no dates), so the program is reproducible.
#
#   include(cmake/embed_files.cmake)
#   hyoka_embed_files(OUTPUT file.cpp FOLDER dir FUNCTION name)
# defines `const std::map<std::string_view, std::string_view>& hyoka::name()`; the source is
# made again when a file below the folder changes, and CMake runs again when one is added.

if(CMAKE_SCRIPT_MODE_FILE)
  # cmake -DFOLDER=… -DOUTPUT=… -DFUNCTION=… -P embed_files.cmake
  file(GLOB_RECURSE files LIST_DIRECTORIES false RELATIVE "${FOLDER}" "${FOLDER}/*")
  list(SORT files)
  set(text "// Made by cmake/embed_files.cmake from the files below ${FUNCTION_FOLDER_NAME}; not edited by hand.\n")
  string(APPEND text "#include <map>\n#include <string_view>\n\nnamespace hyoka {\n\nnamespace {\n\n")
  set(entries "")
  set(index 0)
  foreach(file IN LISTS files)
    file(READ "${FOLDER}/${file}" hex HEX)
    string(LENGTH "${hex}" digits)
    math(EXPR bytes "${digits} / 2")
    # 32 bytes to a line, each written \xNN: no byte can end a literal or start a trigraph.
    string(REGEX REPLACE "([0-9a-f][0-9a-f])" "\\\\x\\1" escaped "${hex}")
    string(REGEX REPLACE "(................................................................................................................................)"
           "\\1\"\n    \"" escaped "${escaped}")
    string(APPEND text "constexpr char file_${index}[] =\n    \"${escaped}\";\n")
    string(APPEND entries "      {\"${file}\", {file_${index}, ${bytes}}},\n")
    math(EXPR index "${index} + 1")
  endforeach()
  string(APPEND text "\n}  // namespace\n\n")
  string(APPEND text "const std::map<std::string_view, std::string_view>& ${FUNCTION}() {\n")
  string(APPEND text "  static const std::map<std::string_view, std::string_view> files = {\n")
  string(APPEND text "${entries}  };\n  return files;\n}\n\n}  // namespace hyoka\n")
  # Written only when it differs, so that nothing is compiled again for nothing.
  file(WRITE "${OUTPUT}.new" "${text}")
  file(COPY_FILE "${OUTPUT}.new" "${OUTPUT}" ONLY_IF_DIFFERENT)
  file(REMOVE "${OUTPUT}.new")
  return()
endif()

set(HYOKA_EMBED_SCRIPT ${CMAKE_CURRENT_LIST_FILE})

function(hyoka_embed_files)
  cmake_parse_arguments(ARG "" "OUTPUT;FOLDER;FUNCTION" "" ${ARGN})
  file(GLOB_RECURSE inputs CONFIGURE_DEPENDS LIST_DIRECTORIES false "${ARG_FOLDER}/*")
  file(RELATIVE_PATH folder_name ${PROJECT_SOURCE_DIR} ${ARG_FOLDER})
  add_custom_command(
    OUTPUT ${ARG_OUTPUT}
    COMMAND ${CMAKE_COMMAND} -DFOLDER=${ARG_FOLDER} -DOUTPUT=${ARG_OUTPUT}
            -DFUNCTION=${ARG_FUNCTION} -DFUNCTION_FOLDER_NAME=${folder_name}
            -P ${HYOKA_EMBED_SCRIPT}
    DEPENDS ${inputs} ${HYOKA_EMBED_SCRIPT}
    COMMENT "Embedding ${folder_name}/"
    VERBATIM)
endfunction()
