// libFuzzer: the preview's own handling of a request, without the network. The input is four
// parts split at the first three newlines: a request target, a Range field, a Host field, and
// the bytes of the file the target may name. Checks what must hold whatever the bytes:
// a decoded path never climbs out, a route names only the site's files, a byte range lies
// within the file (its bytes are copied out, so ASan sees any overrun), and a Host is judged
// the same in any letter case.
#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>
#include <vector>

#include "serve/allowed_hosts.h"
#include "serve/byte_range.h"
#include "serve/route.h"

namespace {

void require(bool condition) {
  if (!condition) __builtin_trap();
}

std::string_view next_line(std::string_view& input) {
  const auto newline = input.find('\n');
  const auto line = input.substr(0, newline);
  input.remove_prefix(newline == std::string_view::npos ? input.size() : newline + 1);
  return line;
}

std::string upper_case(std::string_view text) {
  std::string out(text);
  for (auto& c : out) {
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
  }
  return out;
}

void check_path(std::string_view target) {
  const auto path = hyoka::decode_request_path(target);
  if (!path) return;
  require(path->starts_with('/'));
  require(path->find('\\') == std::string::npos);
  for (const char c : *path) require(static_cast<unsigned char>(c) >= 0x20 && c != 0x7f);
  require(path->find("/../") == std::string::npos && !path->ends_with("/.."));
  require(path->find("/./") == std::string::npos && !path->ends_with("/."));
}

void check_route(std::string_view target, const std::string& file) {
  const hyoka::SiteFiles site{{"index.html", "home"},
                              {"areas/recovery/index.html", "area"},
                              {"css/style.css", file},
                              {".nojekyll", ""}};
  for (const std::string sub_path : {"/", "/fukushima-ict/"}) {
    const auto route = hyoka::route_request(target, sub_path, &site);
    switch (route.kind) {
      case hyoka::Route::Kind::file:
        require(site.count(route.target) == 1);
        break;
      case hyoka::Route::Kind::redirect:
        require(route.target.starts_with(sub_path.substr(0, sub_path.size() - 1)));
        break;
      case hyoka::Route::Kind::events:
      case hyoka::Route::Kind::not_found:
        require(route.target.empty());
        break;
    }
  }
}

void check_range(std::string_view range_header, const std::string& file) {
  const auto range = hyoka::select_byte_range(range_header, file.size());
  const auto content_range = hyoka::content_range(range, file.size());
  switch (range.kind) {
    case hyoka::ByteRange::Kind::partial: {
      require(range.length > 0);
      require(range.first < file.size());
      require(range.length <= file.size() - range.first);
      std::vector<char> copy(range.length);
      std::memcpy(copy.data(), file.data() + range.first, range.length);
      require(content_range.starts_with("bytes ") &&
              content_range.ends_with("/" + std::to_string(file.size())));
      break;
    }
    case hyoka::ByteRange::Kind::unsatisfiable:
      require(content_range == "bytes */" + std::to_string(file.size()));
      break;
    case hyoka::ByteRange::Kind::whole:
      require(content_range.empty());
      break;
  }
}

void check_host(std::string_view host) {
  const hyoka::MachineNames machine{{"mypc", "mypc.local"}, {"192.168.1.5", "[fe80::1]"}};
  for (const auto* bind : {"127.0.0.1", "0.0.0.0", "192.168.1.5"}) {
    const auto hosts = hyoka::AllowedHosts::for_bind(bind, 1313, machine);
    require(hosts.check(host) == hosts.check(upper_case(host)));
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string_view input(reinterpret_cast<const char*>(data), size);
  const auto target = next_line(input);
  const auto range = next_line(input);
  const auto host = next_line(input);
  const std::string file(input);
  check_path(target);
  check_route(target, file);
  check_range(range, file);
  check_host(host);
  return 0;
}
