/* A block plugin that asks the parameter getters about every key of a fixed list, each kind of
 * TOML value among them, and writes down what each returned, so that a test can hold the C
 * interface to what include/hyoka/plugin.h promises. It keeps every string it was handed and
 * writes them only after all the calls: a string must stay valid until render_block returns,
 * whatever is asked after it. `fail = "key"` reports a problem at that key ("" for none). */
#include <inttypes.h>
#include <stdio.h>
#include <string.h>

#include "hyoka/plugin.h"

static const char* const keys[] = {"text",     "other", "number", "negative", "largest",
                                   "smallest", "float", "flag",   "list",     "table",
                                   "date",     "empty", "missing"};
enum { key_count = sizeof keys / sizeof keys[0] };

static void write_text(const hyoka_output* out, const char* text) {
  out->write(out->self, text, strlen(text));
}

static void write_escaped(const hyoka_output* out, const char* text) {
  for (; *text; ++text) {
    const char* entity = *text == '&' ? "&amp;" : *text == '<' ? "&lt;" : *text == '>' ? "&gt;" : 0;
    if (entity)
      write_text(out, entity);
    else
      out->write(out->self, text, 1);
  }
}

static int render_block(const hyoka_site_view* site, const hyoka_block_params* params,
                        const hyoka_output* out) {
  (void)site;
  const char* strings[key_count];
  int has_integer[key_count];
  int64_t integers[key_count];
  for (size_t k = 0; k < key_count; ++k) {
    strings[k] = params->get_string(params->self, keys[k]);
    integers[k] = 7; /* must stay 7 where the getter says there is no integer */
    has_integer[k] = params->get_integer(params->self, keys[k], &integers[k]);
  }
  int64_t untouched = 7;
  const int null_key_integer = params->get_integer(params->self, NULL, &untouched);
  const char* null_key_string = params->get_string(params->self, NULL);
  const int null_out_integer = params->get_integer(params->self, "number", NULL);

  write_text(out, "<pre class=\"probe\">\n");
  char line[128];
  for (size_t k = 0; k < key_count; ++k) {
    write_text(out, keys[k]);
    write_text(out, ": string=");
    if (strings[k]) {
      write_text(out, "\"");
      write_escaped(out, strings[k]);
      write_text(out, "\"");
    } else {
      write_text(out, "NULL");
    }
    snprintf(line, sizeof line, " integer=%d %" PRId64 "\n", has_integer[k], integers[k]);
    write_text(out, line);
  }
  snprintf(line, sizeof line, "NULL key: string=%s integer=%d %" PRId64 "\n",
           null_key_string ? "not NULL" : "NULL", null_key_integer, untouched);
  write_text(out, line);
  snprintf(line, sizeof line, "NULL out: integer=%d\n", null_out_integer);
  write_text(out, line);
  write_text(out, "page_id=\"");
  write_escaped(out, params->page_id);
  write_text(out, "\" id=\"");
  write_escaped(out, params->id);
  write_text(out, "\"\n</pre>");

  const char* fail = params->get_string(params->self, "fail");
  if (fail) {
    params->error(params->self, *fail ? fail : NULL, "probe: asked to fail here");
    return 1;
  }
  return 0;
}

static const hyoka_plugin plugin = {HYOKA_PLUGIN_ABI_VERSION, "probe", render_block, 0};

HYOKA_PLUGIN_EXPORT const hyoka_plugin* hyoka_plugin_entry(void) {
  return &plugin;
}
