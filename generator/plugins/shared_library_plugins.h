// Plugins from shared libraries (site.toml's `plugins`), loaded with dlopen and adapted to the
// same BlockPlugin and OutputPlugin interfaces hyoka's own plugins use. The C ABI is in
// include/hyoka/plugin.h.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "base/diagnostics.h"
#include "config/site_config.h"
#include "output_plugins/output_plugin.h"
#include "render/block_plugin.h"

namespace hyoka {

// Owns the loaded libraries: keep it alive while the registries it filled are in use.
class LoadedPlugins {
 public:
  LoadedPlugins() = default;
  LoadedPlugins(const LoadedPlugins&) = delete;
  LoadedPlugins& operator=(const LoadedPlugins&) = delete;
  ~LoadedPlugins();

  // Loads every plugin site.toml lists, reporting each problem at its entry there, and
  // registers its block and its files. A name a plugin already has is refused.
  void load(const SiteConfig& config, const std::string& site_dir, BlockRegistry& blocks,
            OutputRegistry& outputs, Diagnostics& diags);

 private:
  std::vector<void*> handles_;
};

}  // namespace hyoka
