#include "plugins/shared_library_plugins.h"

#include <dlfcn.h>

#include <filesystem>

#include "hyoka/plugin.h"

namespace hyoka {

namespace {

// The read-only view a plugin gets of the site. It lives as long as the call it is passed to.
class SiteView {
 public:
  explicit SiteView(const Site& site) : site_(site) {
    view_.self = this;
    view_.site_title = [](void* s) { return self(s).site_.config.title.c_str(); };
    view_.base_url = [](void* s) { return self(s).site_.config.base_url.c_str(); };
    view_.area_count = [](void* s) { return self(s).site_.areas.size(); };
    view_.area_id = [](void* s, size_t a) {
      return self(s).area(a) ? self(s).area(a)->id.c_str() : "";
    };
    view_.area_title = [](void* s, size_t a) {
      return self(s).area(a) ? self(s).area(a)->title.c_str() : "";
    };
    view_.dataset_count = [](void* s) { return self(s).site_.datasets.size(); };
    view_.dataset_id = [](void* s, size_t d) {
      return self(s).dataset(d) ? self(s).dataset(d)->id.c_str() : "";
    };
    view_.dataset_title = [](void* s, size_t d) {
      return self(s).dataset(d) ? self(s).dataset(d)->title.c_str() : "";
    };
    view_.dataset_unit = [](void* s, size_t d) {
      return self(s).dataset(d) ? self(s).dataset(d)->unit.c_str() : "";
    };
    view_.period_count = [](void* s, size_t d) {
      return self(s).dataset(d) ? self(s).dataset(d)->periods.size() : 0;
    };
    view_.period = [](void* s, size_t d, size_t p) {
      const auto* ds = self(s).dataset(d);
      return ds && p < ds->periods.size() ? ds->periods[p] : 0;
    };
    view_.measure_count = [](void* s, size_t d) {
      return self(s).dataset(d) ? self(s).dataset(d)->measures.size() : 0;
    };
    view_.measure_id = [](void* s, size_t d, size_t m) {
      const auto* ds = self(s).dataset(d);
      return ds && m < ds->measures.size() ? ds->measures[m].id.c_str() : "";
    };
    view_.measure_label = [](void* s, size_t d, size_t m) {
      const auto* ds = self(s).dataset(d);
      return ds && m < ds->measures.size() ? ds->measures[m].label.c_str() : "";
    };
    view_.row_count = [](void* s, size_t d) {
      return self(s).dataset(d) ? self(s).dataset(d)->rows.size() : 0;
    };
    view_.row_area = [](void* s, size_t d, size_t r) {
      const auto* ds = self(s).dataset(d);
      return ds && r < ds->rows.size() ? ds->rows[r].area.c_str() : "";
    };
    view_.value = [](void* s, size_t d, size_t r, size_t m, size_t p) -> int64_t {
      const auto* ds = self(s).dataset(d);
      if (!ds || r >= ds->rows.size() || m >= ds->measures.size() || p >= ds->periods.size())
        return 0;
      // A missing count is -1, never a zero; missing_reason() says why.
      const auto& count = ds->rows[r].values[m][p];
      return count.present() ? count.value : -1;
    };
    view_.total = [](void* s, size_t d, size_t m, size_t p) -> int64_t {
      const auto* ds = self(s).dataset(d);
      if (!ds || m >= ds->measures.size() || p >= ds->periods.size()) return 0;
      // A missing total is -1, and so is a partial one: a plugin cannot mark it as such.
      const auto& total = ds->totals[m][p];
      return total.present() && !total.partial ? total.value : -1;
    };
  }
  const hyoka_site_view* view() const { return &view_; }

 private:
  static SiteView& self(void* s) { return *static_cast<SiteView*>(s); }
  const Page* area(size_t a) const {
    return a < site_.areas.size() ? site_.areas[a].page : nullptr;
  }
  const Dataset* dataset(size_t d) const {
    return d < site_.datasets.size() ? &site_.datasets[d] : nullptr;
  }

  const Site& site_;
  hyoka_site_view view_{};
};

class ExternalBlock final : public BlockPlugin {
 public:
  explicit ExternalBlock(const hyoka_plugin& plugin) : plugin_(plugin) {}
  std::string name() const override { return plugin_.name; }

  std::optional<std::string> render(const BlockCall& call) const override {
    struct State {
      const BlockCall& call;
      std::string html;
      bool failed = false;
    } state{call, {}, false};
    hyoka_block_params params{};
    params.self = &state;
    // The block's own string, which lives as long as the call: a plugin keeps every string it
    // asked for, as the example keeps "dataset" while it asks for "area" (one buffer for all,
    // as before issue 22, gave it "area"'s).
    params.get_string = [](void* s, const char* key) -> const char* {
      const auto& block = static_cast<State*>(s)->call.params;
      const auto* node = key ? block.get(key) : nullptr;
      return node && node->is_string() ? node->as_string()->get().c_str() : nullptr;
    };
    params.get_integer = [](void* s, const char* key, int64_t* out) -> int {
      auto& st = *static_cast<State*>(s);
      if (!key || !out || !st.call.params.contains(key) || !st.call.params.at(key).is_integer())
        return 0;
      *out = st.call.params.at(key).as_integer()->get();
      return 1;
    };
    params.error = [](void* s, const char* key, const char* message) {
      auto& st = *static_cast<State*>(s);
      st.failed = true;
      const auto& reader = st.call.reader;
      const auto at = key && st.call.params.contains(key) ? reader.position(st.call.params.at(key))
                                                          : reader.start();
      st.call.reader.error(at, message ? message : "the plugin reported a problem");
    };
    params.page_id = call.page.page->id.c_str();
    params.id = call.id.c_str();
    hyoka_output out{};
    out.self = &state;
    out.write = [](void* s, const char* data, size_t size) {
      if (data) static_cast<State*>(s)->html.append(data, size);
    };
    out.add_file = [](void*, const char*, const char*, size_t) {};
    out.error = [](void* s, const char* message) {
      auto& st = *static_cast<State*>(s);
      st.failed = true;
      st.call.reader.error(st.call.reader.start(),
                           message ? message : "the plugin reported a problem");
    };
    const SiteView site(call.site);
    const int status = plugin_.render_block(site.view(), &params, &out);
    if (status != 0 && !state.failed) {
      call.reader.error(call.reader.start(), "the plugin \"" + name() + "\" failed (status " +
                                                 std::to_string(status) + ")");
      state.failed = true;
    }
    if (state.failed) return std::nullopt;
    return state.html;
  }

 private:
  const hyoka_plugin& plugin_;
};

class ExternalOutput final : public OutputPlugin {
 public:
  ExternalOutput(const hyoka_plugin& plugin, std::string library)
      : plugin_(plugin), library_(std::move(library)) {}
  std::string name() const override { return plugin_.name; }
  // What a library's code touches is unknown here.

  void emit(const OutputContext& context, SiteFiles& files, Diagnostics& diags) const override {
    struct State {
      SiteFiles& files;
      Diagnostics& diags;
      const std::string& library;
      bool failed = false;
    } state{files, diags, library_, false};
    hyoka_output out{};
    out.self = &state;
    out.write = [](void*, const char*, size_t) {};
    out.add_file = [](void* s, const char* path, const char* data, size_t size) {
      auto& st = *static_cast<State*>(s);
      const std::string relative = path ? path : "";
      if (relative.empty() || relative.starts_with('/') ||
          relative.find("..") != std::string::npos) {
        st.diags.report_file(Severity::error, st.library,
                             "the plugin wrote a file outside the site: \"" + relative + "\"");
        st.failed = true;
        return;
      }
      st.files[relative] = data ? std::string(data, size) : std::string();
    };
    out.error = [](void* s, const char* message) {
      auto& st = *static_cast<State*>(s);
      st.diags.report_file(Severity::error, st.library, message ? message : "the plugin failed");
      st.failed = true;
    };
    const SiteView site(context.site);
    const int status = plugin_.emit_files(site.view(), &out);
    if (status != 0 && !state.failed) {
      diags.report_file(
          Severity::error, library_,
          "the plugin \"" + name() + "\" failed (status " + std::to_string(status) + ")");
    }
  }

 private:
  const hyoka_plugin& plugin_;
  std::string library_;
};

}  // namespace

LoadedPlugins::~LoadedPlugins() {
  for (auto* handle : handles_) dlclose(handle);
}

void LoadedPlugins::load(const SiteConfig& config, const std::string& site_dir,
                         BlockRegistry& blocks, OutputRegistry& outputs, Diagnostics& diags) {
  for (const auto& ref : config.plugins) {
    const auto report = [&](const std::string& message) {
      if (config.source)
        diags.error(*config.source, ref.position, message);
      else
        diags.report_file(Severity::error, ref.path, message);
    };
    const std::filesystem::path path = std::filesystem::path(ref.path).is_absolute()
                                           ? std::filesystem::path(ref.path)
                                           : std::filesystem::path(site_dir) / ref.path;
    std::error_code ec;
    if (!std::filesystem::is_regular_file(path, ec)) {
      report("no plugin library at " + path.lexically_normal().string() +
             " (build it first; paths are relative to the site's folder)");
      continue;
    }
    void* handle = dlopen(path.c_str(), RTLD_NOW | RTLD_LOCAL);
    if (!handle) {
      report(std::string("cannot load the plugin: ") + dlerror());
      continue;
    }
    handles_.push_back(handle);
    const auto entry =
        reinterpret_cast<hyoka_plugin_entry_fn>(dlsym(handle, HYOKA_PLUGIN_ENTRY_NAME));
    if (!entry) {
      report(std::string("not a hyoka plugin: it has no function ") + HYOKA_PLUGIN_ENTRY_NAME);
      continue;
    }
    const hyoka_plugin* plugin = entry();
    if (!plugin) {
      report("the plugin's hyoka_plugin_entry returned nothing");
      continue;
    }
    if (plugin->abi_version != HYOKA_PLUGIN_ABI_VERSION) {
      report("the plugin was built for plugin ABI " + std::to_string(plugin->abi_version) +
             "; this hyoka loads ABI " + std::to_string(HYOKA_PLUGIN_ABI_VERSION) +
             ": rebuild it against this hyoka's include/hyoka/plugin.h");
      continue;
    }
    const std::string name = plugin->name ? plugin->name : "";
    if (name.empty() ||
        name.find_first_not_of("abcdefghijklmnopqrstuvwxyz0123456789-") != std::string::npos) {
      report("the plugin's name \"" + name + "\" must use only a-z, 0-9 and '-'");
      continue;
    }
    if (plugin->render_block) {
      if (blocks.find(name)) {
        report("a block plugin named \"" + name + "\" is already loaded");
        continue;
      }
      blocks.add(std::make_unique<ExternalBlock>(*plugin));
    }
    if (plugin->emit_files) outputs.add(std::make_unique<ExternalOutput>(*plugin, path.string()));
  }
}

}  // namespace hyoka
