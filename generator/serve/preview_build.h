// One build of the preview: in memory, for the preview's own address, handed to the server.
#pragma once

#include <memory>
#include <ostream>
#include <string>
#include <vector>

#include "pipeline/build.h"
#include "serve/preview_server.h"
#include "serve/serve.h"

namespace hyoka {

class PreviewBuild {
 public:
  // `origin` is "http://host:port"; the sub-path comes from site.toml at every build, so an
  // edit of base_url moves the preview without a restart.
  PreviewBuild(ServeOptions options, std::string origin, PreviewServer& server);

  // Builds, then serves the new site or shows the error; prints the problems and one line
  // for the build to `log`. `changed` is what the watcher saw, empty for the first build.
  bool run(const std::vector<std::string>& changed, std::ostream& log);

  // Where the site is served: "http://127.0.0.1:1313/fukushima-ict/".
  std::string url() const { return origin_ + sub_path_; }

 private:
  ServeOptions options_;
  std::string origin_;
  PreviewServer& server_;
  std::string sub_path_ = "/";
  // The last good full build, for rebuilding only the pages an edit touches; none after a
  // failed build.
  std::unique_ptr<BuildState> state_;
};

// "content/a.md", "content/a.md and themes/x.css", "content/a.md and 4 more".
std::string describe_changes(const std::vector<std::string>& changed);

}  // namespace hyoka
