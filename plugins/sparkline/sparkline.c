/* An example hyoka plugin, and the template for writing one: a ```sparkline block draws one
 * area's measure over the fiscal years as a small inline chart with its figures beside it,
 * and the plugin adds data/<dataset>-changes.csv, first and last value of every area.
 * A count is -1 where it is missing (never a zero): it gets no point on the line, "…" in the
 * text and an empty cell in the CSV. Plain C against include/hyoka/plugin.h; see
 * docs/plugins.md. */
#include <stdio.h>
#include <string.h>

#include "hyoka/plugin.h"

/* A growing text buffer on the stack's behalf: hyoka copies what we write. */
typedef struct {
  char data[16384];
  size_t size;
} buffer;

static void put(buffer* b, const char* text) {
  size_t n = strlen(text);
  if (b->size + n >= sizeof b->data) n = sizeof b->data - b->size - 1;
  memcpy(b->data + b->size, text, n);
  b->size += n;
  b->data[b->size] = '\0';
}

static void put_escaped(buffer* b, const char* text) {
  for (; *text; ++text) {
    switch (*text) {
      case '&': put(b, "&amp;"); break;
      case '<': put(b, "&lt;"); break;
      case '>': put(b, "&gt;"); break;
      case '"': put(b, "&quot;"); break;
      default: {
        char one[2] = {*text, '\0'};
        put(b, one);
      }
    }
  }
}

/* A count as text: its figure, or "…" where it is missing. */
static const char* count_text(long long value, char* text, size_t size) {
  if (value < 0) return "…";
  snprintf(text, size, "%lld", value);
  return text;
}

static long find_dataset(const hyoka_site_view* site, const char* id) {
  for (size_t d = 0; d < site->dataset_count(site->self); ++d) {
    if (strcmp(site->dataset_id(site->self, d), id) == 0) return (long)d;
  }
  return -1;
}

static int render_block(const hyoka_site_view* site, const hyoka_block_params* params,
                        const hyoka_output* out) {
  const char* dataset_id = params->get_string(params->self, "dataset");
  const char* area = params->get_string(params->self, "area");
  if (!dataset_id) {
    params->error(params->self, NULL, "sparkline needs dataset = \"…\"");
    return 1;
  }
  const long d = find_dataset(site, dataset_id);
  if (d < 0) {
    params->error(params->self, "dataset", "sparkline: no such dataset");
    return 1;
  }
  if (!area) area = params->page_id;
  long row = -1;
  for (size_t r = 0; r < site->row_count(site->self, (size_t)d); ++r) {
    if (strcmp(site->row_area(site->self, (size_t)d, r), area) == 0) row = (long)r;
  }
  if (row < 0) {
    params->error(params->self, params->get_string(params->self, "area") ? "area" : NULL,
                  "sparkline: the dataset has no row for this area");
    return 1;
  }
  size_t measure = 0;
  const char* measure_id = params->get_string(params->self, "measure");
  if (measure_id) {
    size_t m = 0;
    const size_t count = site->measure_count(site->self, (size_t)d);
    while (m < count && strcmp(site->measure_id(site->self, (size_t)d, m), measure_id) != 0) ++m;
    if (m == count) {
      params->error(params->self, "measure", "sparkline: no such measure in the dataset");
      return 1;
    }
    measure = m;
  }

  const size_t periods = site->period_count(site->self, (size_t)d);
  long long max = 1;
  for (size_t p = 0; p < periods; ++p) {
    long long v = site->value(site->self, (size_t)d, (size_t)row, measure, p);
    if (v > max) max = v;
  }
  /* 100 × 24 units: x spread over the years, y from 0 at the bottom. */
  buffer b = {{0}, 0};
  char number[64];
  char title[512];
  snprintf(title, sizeof title, "%s：", site->measure_label(site->self, (size_t)d, measure));
  put(&b, "<span class=\"sparkline\"><svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 100 24\" width=\"100\" height=\"24\" role=\"img\" aria-labelledby=\"");
  put(&b, params->id);
  put(&b, "-title\"><title id=\"");
  put(&b, params->id);
  put(&b, "-title\">");
  put_escaped(&b, title);
  char figure[32];
  for (size_t p = 0; p < periods; ++p) {
    snprintf(number, sizeof number, "%s%d年度 %s", p ? "、" : "", site->period(site->self, (size_t)d, p),
             count_text(site->value(site->self, (size_t)d, (size_t)row, measure, p), figure, sizeof figure));
    put(&b, number);
  }
  put(&b, "</title>");
  /* One line through each run of years with a count: a missing one breaks the line. */
  int in_line = 0;
  for (size_t p = 0; p < periods; ++p) {
    const long long v = site->value(site->self, (size_t)d, (size_t)row, measure, p);
    if (v < 0) {
      if (in_line) put(&b, "\"/>");
      in_line = 0;
      continue;
    }
    const double x = periods == 1 ? 50.0 : 4.0 + 92.0 * (double)p / (double)(periods - 1);
    const double y = 22.0 - 20.0 * (double)v / (double)max;
    if (!in_line) put(&b, "<polyline fill=\"none\" stroke=\"#12436d\" stroke-width=\"2\" points=\"");
    snprintf(number, sizeof number, "%s%.2f,%.2f", in_line ? " " : "", x, y);
    put(&b, number);
    in_line = 1;
  }
  if (in_line) put(&b, "\"/>");
  put(&b, "</svg> ");
  for (size_t p = 0; p < periods; ++p) {
    if (p) put(&b, "→");
    put(&b, count_text(site->value(site->self, (size_t)d, (size_t)row, measure, p), figure, sizeof figure));
  }
  put(&b, "</span>");
  out->write(out->self, b.data, b.size);
  return 0;
}

static int emit_files(const hyoka_site_view* site, const hyoka_output* out) {
  for (size_t d = 0; d < site->dataset_count(site->self); ++d) {
    const size_t periods = site->period_count(site->self, d);
    if (periods == 0 || site->measure_count(site->self, d) == 0) continue;
    buffer b = {{0}, 0};
    put(&b, "area_id,measure_id,first,last,change\r\n");
    for (size_t r = 0; r < site->row_count(site->self, d); ++r) {
      const long long first = site->value(site->self, d, r, 0, 0);
      const long long last = site->value(site->self, d, r, 0, periods - 1);
      /* A missing count is an empty cell, and so is a change from or to one. */
      char first_cell[32] = "", last_cell[32] = "", change_cell[32] = "", line[256];
      if (first >= 0) snprintf(first_cell, sizeof first_cell, "%lld", first);
      if (last >= 0) snprintf(last_cell, sizeof last_cell, "%lld", last);
      if (first >= 0 && last >= 0) snprintf(change_cell, sizeof change_cell, "%lld", last - first);
      snprintf(line, sizeof line, "%s,%s,%s,%s,%s\r\n", site->row_area(site->self, d, r),
               site->measure_id(site->self, d, 0), first_cell, last_cell, change_cell);
      put(&b, line);
    }
    char path[256];
    snprintf(path, sizeof path, "data/%s-changes.csv", site->dataset_id(site->self, d));
    out->add_file(out->self, path, b.data, b.size);
  }
  return 0;
}

static const hyoka_plugin plugin = {HYOKA_PLUGIN_ABI_VERSION, "sparkline", render_block, emit_files};

HYOKA_PLUGIN_EXPORT const hyoka_plugin* hyoka_plugin_entry(void) { return &plugin; }
