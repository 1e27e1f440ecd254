// Text from a portal, made safe to print. A hostile or broken portal must not recolour,
// retitle or clear the user's terminal, or fake a line of hyoka's own, with the bytes of its
// answers: control characters (C0, DEL, and C1 even inside otherwise valid UTF-8) become
// escapes such as \x1b and \u009b, and bytes that are not UTF-8 become \xNN.
#pragma once

#include <string>
#include <string_view>

namespace hyoka {

// Line breaks escaped too: for the portal's words inside one of hyoka's lines.
std::string printable(std::string_view text);

// Line breaks kept: for whole messages hyoka has put together (Redactor's last step).
std::string printable_lines(std::string_view text);

}  // namespace hyoka
