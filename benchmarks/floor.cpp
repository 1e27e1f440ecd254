// The floor of a build: what cmark-gfm alone takes to render a site's Markdown (with GitHub's
// table extension, as hyoka renders it) and what writing the same files takes, byte for byte.
//   hyoka_floor SITE   (SITE/content/**.md, and SITE/public/ from a build)
// Prints "markdown <seconds>" and "write <seconds>"; the files go to SITE/.floor-out/, which
// later runs write over (as a second build does).
#include <cmark-gfm-core-extensions.h>
#include <cmark-gfm.h>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>
#include <utility>
#include <vector>

namespace fs = std::filesystem;

namespace {

std::string slurp(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

std::vector<fs::path> files_below(const fs::path& dir, const std::string& extension) {
  std::vector<fs::path> out;
  for (const auto& entry : fs::recursive_directory_iterator(dir)) {
    if (entry.is_regular_file() && (extension.empty() || entry.path().extension() == extension)) {
      out.push_back(entry.path());
    }
  }
  return out;
}

double seconds_since(std::chrono::steady_clock::time_point start) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 2) {
    std::cerr << "usage: hyoka_floor SITE\n";
    return 2;
  }
  const fs::path site = argv[1];
  // Read everything first: the floor counts rendering and writing, not reading.
  std::vector<std::string> bodies;
  for (const auto& path : files_below(site / "content", ".md")) {
    auto text = slurp(path);
    if (text.starts_with("+++")) {
      const auto end = text.find("\n+++", 3);
      if (end != std::string::npos) text.erase(0, end + 4);
    }
    bodies.push_back(std::move(text));
  }
  std::vector<std::pair<fs::path, std::string>> outputs;
  auto public_files = files_below(site / "public", "");
  std::sort(public_files.begin(), public_files.end());
  for (const auto& path : public_files) {
    outputs.emplace_back(fs::relative(path, site / "public"), slurp(path));
  }

  cmark_gfm_core_extensions_ensure_registered();
  auto start = std::chrono::steady_clock::now();
  std::size_t html_bytes = 0;
  for (const auto& body : bodies) {
    cmark_parser* parser = cmark_parser_new(CMARK_OPT_DEFAULT);
    cmark_parser_attach_syntax_extension(parser, cmark_find_syntax_extension("table"));
    cmark_parser_feed(parser, body.data(), body.size());
    cmark_node* doc = cmark_parser_finish(parser);
    char* html =
        cmark_render_html(doc, CMARK_OPT_DEFAULT, cmark_parser_get_syntax_extensions(parser));
    html_bytes += std::char_traits<char>::length(html);
    free(html);
    cmark_node_free(doc);
    cmark_parser_free(parser);
  }
  const double markdown = seconds_since(start);

  const fs::path out = site / ".floor-out";
  start = std::chrono::steady_clock::now();
  fs::path made;
  for (const auto& [relative, bytes] : outputs) {
    const auto path = out / relative;
    if (path.parent_path() != made) fs::create_directories(made = path.parent_path());
    // As fast as files can be written on a second run: over the old ones in place, cut only
    // where they were longer (emptying them first makes ext4 flush them on close).
    const int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_CLOEXEC, 0644);
    if (fd < 0 || ::write(fd, bytes.data(), bytes.size()) != static_cast<ssize_t>(bytes.size())) {
      return 1;
    }
    struct stat st {};
    if (::fstat(fd, &st) == 0 && static_cast<std::size_t>(st.st_size) > bytes.size() &&
        ::ftruncate(fd, static_cast<off_t>(bytes.size())) != 0) {
      return 1;
    }
    ::close(fd);
  }
  const double write = seconds_since(start);
  std::printf("markdown %.4f\nwrite %.4f\nfiles %zu\nhtml_bytes %zu\n", markdown, write,
              outputs.size(), html_bytes);
  return 0;
}
