/* hyoka's plugin interface: a small C ABI, stable across compilers, for plugins built as
 * shared libraries and listed in site.toml:  plugins = ["plugins/libsparkline.so"]
 *
 * A plugin exports one function, hyoka_plugin_entry, returning a static hyoka_plugin. hyoka
 * checks abi_version and refuses a plugin built for another version. Everything hyoka passes
 * in is owned by hyoka and valid only during the call; everything a plugin gives back goes
 * through the callbacks, so no memory crosses the boundary. docs/plugins.md is the guide.
 */
#ifndef HYOKA_PLUGIN_H
#define HYOKA_PLUGIN_H

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

#define HYOKA_PLUGIN_ABI_VERSION 1u

/* A read-only view of the site's data. Strings are UTF-8 and NUL-terminated; indices count
 * from 0; an index out of range gives "" or 0. */
typedef struct hyoka_site_view {
  void* self;
  const char* (*site_title)(void* self);
  const char* (*base_url)(void* self);
  size_t (*area_count)(void* self);
  const char* (*area_id)(void* self, size_t area);
  const char* (*area_title)(void* self, size_t area);
  size_t (*dataset_count)(void* self);
  const char* (*dataset_id)(void* self, size_t dataset);
  const char* (*dataset_title)(void* self, size_t dataset);
  const char* (*dataset_unit)(void* self, size_t dataset);
  size_t (*period_count)(void* self, size_t dataset);
  int (*period)(void* self, size_t dataset, size_t period); /* a fiscal year, as 2019 */
  size_t (*measure_count)(void* self, size_t dataset);
  const char* (*measure_id)(void* self, size_t dataset, size_t measure);
  const char* (*measure_label)(void* self, size_t dataset, size_t measure);
  size_t (*row_count)(void* self, size_t dataset);
  const char* (*row_area)(void* self, size_t dataset, size_t row); /* the row's area id */
  /* A count from 0, or -1 where it is missing (a dataset's [[missing]]): never a zero. */
  int64_t (*value)(void* self, size_t dataset, size_t row, size_t measure, size_t period);
  /* -1 also where a row's count is missing, as the total is then missing or partial. */
  int64_t (*total)(void* self, size_t dataset, size_t measure, size_t period);
} hyoka_site_view;

/* A block's parameters: the TOML between its fences, read by hyoka. `key` is a top-level key
 * of the block, such as "dataset". */
typedef struct hyoka_block_params {
  void* self;
  /* The string at `key`, or NULL when the block has no such key, or it holds another type, or
   * key is NULL. Each string stays valid until render_block returns, whatever is asked after
   * it: keep as many as you need. */
  const char* (*get_string)(void* self, const char* key);
  /* 1 with *out set when `key` holds an integer, else 0 with *out untouched (also when key or
   * out is NULL). */
  int (*get_integer)(void* self, const char* key, int64_t* out);
  /* Reports a problem at `key`'s line and column in the page (at the block when key is NULL).
   * The build fails after the page, with every problem reported. */
  void (*error)(void* self, const char* key, const char* message);
  const char* page_id; /* the area id, or "" on the home page */
  const char* id;      /* unique on the page: start every id the HTML uses with it */
} hyoka_block_params;

/* Where a plugin's output goes. */
typedef struct hyoka_output {
  void* self;
  /* render_block: appends to the block's HTML. */
  void (*write)(void* self, const char* data, size_t size);
  /* emit_files: adds a file to the site, at a relative path such as "data/x.csv". */
  void (*add_file)(void* self, const char* path, const char* data, size_t size);
  /* emit_files: reports a problem; the build fails. */
  void (*error)(void* self, const char* message);
} hyoka_output;

typedef struct hyoka_plugin {
  uint32_t abi_version; /* HYOKA_PLUGIN_ABI_VERSION */
  const char* name;     /* a-z, 0-9, '-': the block's info string, and the name in messages */
  /* Renders a ```name block. NULL when the plugin has no block. Returns 0 on success. */
  int (*render_block)(const hyoka_site_view* site, const hyoka_block_params* params,
                      const hyoka_output* out);
  /* Adds files to the site. NULL when the plugin makes none. Returns 0 on success. */
  int (*emit_files)(const hyoka_site_view* site, const hyoka_output* out);
} hyoka_plugin;

/* The one symbol a plugin exports; mark its definition HYOKA_PLUGIN_EXPORT so it stays visible
 * when the rest of the library is built with hidden visibility. */
typedef const hyoka_plugin* (*hyoka_plugin_entry_fn)(void);
#define HYOKA_PLUGIN_ENTRY_NAME "hyoka_plugin_entry"
#if defined(__GNUC__)
#define HYOKA_PLUGIN_EXPORT __attribute__((visibility("default")))
#else
#define HYOKA_PLUGIN_EXPORT
#endif

#ifdef __cplusplus
}
#endif

#endif /* HYOKA_PLUGIN_H */
