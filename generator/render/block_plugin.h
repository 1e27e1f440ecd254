// Block plugins: a fenced code block whose info string names a plugin is rendered by it, from
// the TOML parameters in its body, on cmark-gfm's syntax tree:
//   ```chart
//   dataset = "achievement"
//   area = "recovery"
//   ```
// hyoka's own plugins (chart, table, summary) register through this same interface as plugins
// loaded from shared libraries.
#pragma once

#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "base/toml_reader.h"
#include "render/table_view.h"
#include "render/theme.h"
#include "site/site.h"

namespace hyoka {

struct BlockCall {
  const Site& site;
  const SitePage& page;
  const Theme& theme;
  TomlReader& reader;  // reports problems at their line and column inside the block
  const toml::table& params;
  std::string id;  // unique on the page; prefix every id the block's HTML uses
};

class BlockPlugin {
 public:
  virtual ~BlockPlugin() = default;
  virtual std::string name() const = 0;
  // The block's HTML, or nullopt after reporting the problems through `call.reader`.
  virtual std::optional<std::string> render(const BlockCall& call) const = 0;
};

class BlockRegistry {
 public:
  void add(std::unique_ptr<BlockPlugin> plugin);
  const BlockPlugin* find(const std::string& name) const;
  std::vector<std::string> names() const;

 private:
  std::map<std::string, std::unique_ptr<BlockPlugin>> plugins_;
};

// chart, table and summary.
void add_builtin_blocks(BlockRegistry& registry);

// What a block draws through the theme's partials, as the pages do, so that a theme that
// restyles them restyles every block; in plain types, so that a plugin never builds the
// template engine's values. nullopt, with an error at the block, when the partial outgrows
// mustache::RenderLimits.
struct ChartFigure {
  std::string id;       // unique on the page
  std::string heading;  // the chart's title
  std::string svg;      // the drawing
  std::string href;     // the standalone .svg file, or empty
};
std::optional<std::string> render_chart_partial(const BlockCall& call, const ChartFigure& chart);
std::optional<std::string> render_table_partial(const BlockCall& call, const TableView& table);

}  // namespace hyoka
