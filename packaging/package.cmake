# What `cmake --install` installs, and the Debian package CPack makes of it (tools/package).
# The version is project(VERSION)'s; the package, the man page and `hyoka --version` show it.
include(GNUInstallDirs)

set(HYOKA_MAINTAINER "hyoka developers <hyoka@users.noreply.github.com>" CACHE STRING
  "The package's maintainer, as Debian writes it: Name <address>")

# Debian compresses manual pages and changelogs with gzip -9n (no name, no date in the header),
# so that the same sources give the same package.
find_program(HYOKA_GZIP gzip REQUIRED)
function(hyoka_gzip input output)
  add_custom_command(OUTPUT ${output}
    COMMAND ${HYOKA_GZIP} -9n -c ${input} > ${output}
    DEPENDS ${input} VERBATIM)
endfunction()

configure_file(${CMAKE_CURRENT_LIST_DIR}/hyoka.1.in ${CMAKE_BINARY_DIR}/packaging/hyoka.1 @ONLY)
# The changelog's date is the build's SOURCE_DATE_EPOCH when set (tools/package sets it to the
# last commit's time), as string(TIMESTAMP) reads it.
string(TIMESTAMP HYOKA_CHANGELOG_DATE "%a, %d %b %Y %H:%M:%S +0000" UTC)
configure_file(${CMAKE_CURRENT_LIST_DIR}/changelog.in ${CMAKE_BINARY_DIR}/packaging/changelog @ONLY)
hyoka_gzip(${CMAKE_BINARY_DIR}/packaging/hyoka.1 ${CMAKE_BINARY_DIR}/packaging/hyoka.1.gz)
hyoka_gzip(${CMAKE_BINARY_DIR}/packaging/changelog ${CMAKE_BINARY_DIR}/packaging/changelog.gz)
add_custom_target(hyoka_documents ALL DEPENDS
  ${CMAKE_BINARY_DIR}/packaging/hyoka.1.gz ${CMAKE_BINARY_DIR}/packaging/changelog.gz)

install(TARGETS hyoka RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})
install(FILES ${CMAKE_BINARY_DIR}/packaging/hyoka.1.gz DESTINATION ${CMAKE_INSTALL_MANDIR}/man1)
install(FILES README.md ${CMAKE_CURRENT_LIST_DIR}/copyright
  ${CMAKE_BINARY_DIR}/packaging/changelog.gz DESTINATION ${CMAKE_INSTALL_DOCDIR})
install(DIRECTORY docs/ DESTINATION ${CMAKE_INSTALL_DOCDIR}/docs)

set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGE_NAME hyoka)
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
set(CPACK_PACKAGE_CONTACT ${HYOKA_MAINTAINER})
set(CPACK_DEBIAN_PACKAGE_MAINTAINER ${HYOKA_MAINTAINER})
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "static site generator for the evaluation of plans")
# The synopsis is the summary above; CPack indents each line of this by one space.
set(CPACK_DEBIAN_PACKAGE_DESCRIPTION
  "hyoka builds the public website of a Japanese municipality's plan evaluation:
one Markdown page per policy area, counts per fiscal year in TOML or in CSV
files saved from Excel (UTF-8 or Shift_JIS), and a theme. It writes a static
site with tables, SVG charts and open data, checks the figures against each
other and reports every problem at its line and column.

Its themes are built in; hyoka new starts a site with one command.")
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)  # hyoka_<version>_amd64.deb
set(CPACK_DEBIAN_PACKAGE_SECTION web)
set(CPACK_DEBIAN_PACKAGE_PRIORITY optional)
# The libraries the program links, with the versions dpkg-shlibdeps finds (dpkg-dev).
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
set(CPACK_DEBIAN_PACKAGE_CONTROL_STRICT_PERMISSION ON)
set(CPACK_STRIP_FILES ON)
set(CPACK_DEBIAN_COMPRESSION_TYPE xz)
set(CPACK_SOURCE_GENERATOR "")
include(CPack)
