// The Host a request must name for the preview to answer it. A page on another site can reach
// a server on this machine through DNS rebinding: its own name, made to resolve to 127.0.0.1,
// comes as the Host of its requests. The preview answers only the names a person types for it.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace hyoka {

// What someone on the network may type to reach this machine: its host name (with `.local`,
// the name mDNS answers to) and the address of each network interface.
struct MachineNames {
  std::vector<std::string> names;
  std::vector<std::string> addresses;
};

// This machine's, read once when the preview starts.
MachineNames machine_names();

// 127.0.0.0/8, ::1 or localhost.
bool is_loopback(std::string_view address);

class AllowedHosts {
 public:
  // The hosts a preview bound to `bind` on `port` answers to:
  //  - a loopback address or localhost: localhost, 127.0.0.1, [::1] and `bind` itself;
  //  - every address (0.0.0.0 or ::): those, and `machine`'s names and addresses;
  //  - another address: that address and `machine`'s names.
  static AllowedHosts for_bind(std::string_view bind, int port, const MachineNames& machine);

  enum class Verdict {
    allowed,
    other_host,  // a valid Host that names another server: 421
    malformed,   // not a Host at all (RFC 9110 §7.2): 400
  };
  // `host` is the Host field's value: a name, an IPv4 address or a bracketed IPv6 address,
  // then ":port" unless it is HTTP's 80. Names compare ignoring case, IPv6 addresses by value.
  Verdict check(std::string_view host) const;

  // In the order given above; IPv6 addresses in brackets.
  const std::vector<std::string>& names() const { return names_; }
  int port() const { return port_; }

 private:
  void add(std::string_view name);

  std::vector<std::string> names_;
  int port_ = 0;
};

}  // namespace hyoka
