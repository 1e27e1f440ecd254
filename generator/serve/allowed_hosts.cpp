#include "serve/allowed_hosts.h"

#include <arpa/inet.h>
#include <ifaddrs.h>
#include <netinet/in.h>
#include <unistd.h>

#include <algorithm>
#include <array>
#include <optional>

namespace hyoka {

namespace {

std::string lower_case(std::string_view text) {
  std::string out(text);
  for (auto& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

// "[::1]" for any spelling of an IPv6 address (brackets or not), or nullopt.
std::optional<std::string> bracketed_ipv6(std::string_view text) {
  if (text.size() >= 2 && text.front() == '[' && text.back() == ']') {
    text = text.substr(1, text.size() - 2);
  }
  in6_addr address{};
  const std::string copy(text);
  if (inet_pton(AF_INET6, copy.c_str(), &address) != 1) return std::nullopt;
  std::array<char, INET6_ADDRSTRLEN> canonical{};
  inet_ntop(AF_INET6, &address, canonical.data(), canonical.size());
  return "[" + std::string(canonical.data()) + "]";
}

std::optional<in_addr> ipv4(std::string_view text) {
  in_addr address{};
  const std::string copy(text);
  if (inet_pton(AF_INET, copy.c_str(), &address) != 1) return std::nullopt;
  return address;
}

bool is_wildcard(std::string_view bind) {
  if (const auto v4 = ipv4(bind)) return v4->s_addr == htonl(INADDR_ANY);
  return bracketed_ipv6(bind) == "[::]";
}

// RFC 3986's reg-name: unreserved, sub-delims and %-escapes. An IPv4 address is one too.
bool is_reg_name(std::string_view name) {
  constexpr std::string_view kAllowed = "-._~!$&'()*+,;=%";
  return std::all_of(name.begin(), name.end(), [&](char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
           kAllowed.find(c) != std::string_view::npos;
  });
}

}  // namespace

MachineNames machine_names() {
  MachineNames machine;
  std::array<char, 256> name{};
  if (gethostname(name.data(), name.size() - 1) == 0 && name[0] != '\0') {
    const auto full = lower_case(name.data());
    const auto short_name = full.substr(0, full.find('.'));
    machine.names = {full, short_name, short_name + ".local"};
  }
  ifaddrs* interfaces = nullptr;
  if (getifaddrs(&interfaces) == 0) {
    for (const auto* entry = interfaces; entry != nullptr; entry = entry->ifa_next) {
      if (entry->ifa_addr == nullptr) continue;
      std::array<char, INET6_ADDRSTRLEN> text{};
      if (entry->ifa_addr->sa_family == AF_INET) {
        const auto* v4 = reinterpret_cast<const sockaddr_in*>(entry->ifa_addr);
        inet_ntop(AF_INET, &v4->sin_addr, text.data(), text.size());
        machine.addresses.emplace_back(text.data());
      } else if (entry->ifa_addr->sa_family == AF_INET6) {
        const auto* v6 = reinterpret_cast<const sockaddr_in6*>(entry->ifa_addr);
        inet_ntop(AF_INET6, &v6->sin6_addr, text.data(), text.size());
        machine.addresses.push_back("[" + std::string(text.data()) + "]");
      }
    }
    freeifaddrs(interfaces);
  }
  return machine;
}

bool is_loopback(std::string_view address) {
  if (lower_case(address) == "localhost") return true;
  if (const auto v4 = ipv4(address)) return (ntohl(v4->s_addr) >> 24) == 127;
  return bracketed_ipv6(address) == "[::1]";
}

AllowedHosts AllowedHosts::for_bind(std::string_view bind, int port, const MachineNames& machine) {
  AllowedHosts hosts;
  hosts.port_ = port;
  const bool wildcard = is_wildcard(bind);
  if (!wildcard) hosts.add(bind);
  if (wildcard || is_loopback(bind)) {
    for (const auto* name : {"localhost", "127.0.0.1", "[::1]"}) hosts.add(name);
  }
  if (!is_loopback(bind)) {
    for (const auto& name : machine.names) hosts.add(name);
  }
  if (wildcard) {
    for (const auto& address : machine.addresses) hosts.add(address);
  }
  return hosts;
}

void AllowedHosts::add(std::string_view name) {
  auto canonical = bracketed_ipv6(name).value_or(lower_case(name));
  if (!canonical.empty() && std::find(names_.begin(), names_.end(), canonical) == names_.end()) {
    names_.push_back(std::move(canonical));
  }
}

AllowedHosts::Verdict AllowedHosts::check(std::string_view host) const {
  std::string name;
  std::string_view port_text;
  if (host.starts_with('[')) {
    const auto close = host.find(']');
    if (close == std::string_view::npos) return Verdict::malformed;
    const auto address = bracketed_ipv6(host.substr(0, close + 1));
    if (!address) return Verdict::malformed;
    name = *address;
    const auto rest = host.substr(close + 1);
    if (!rest.empty() && rest.front() != ':') return Verdict::malformed;
    port_text = rest.empty() ? rest : rest.substr(1);
  } else {
    const auto colon = host.find(':');
    const auto reg_name = host.substr(0, colon);
    if (reg_name.empty() || !is_reg_name(reg_name)) return Verdict::malformed;
    name = lower_case(reg_name);
    port_text = colon == std::string_view::npos ? std::string_view() : host.substr(colon + 1);
  }
  // No port, or an empty one, is HTTP's own (RFC 3986 §3.2.3). Any digits are a port, one
  // that no server may have when it is over 65535.
  long port = 80;
  if (!port_text.empty()) {
    port = 0;
    for (const char c : port_text) {
      if (c < '0' || c > '9') return Verdict::malformed;
      port = std::min(port * 10 + (c - '0'), 65536L);
    }
  }
  const bool known = std::find(names_.begin(), names_.end(), name) != names_.end();
  return known && port == port_ ? Verdict::allowed : Verdict::other_host;
}

}  // namespace hyoka
