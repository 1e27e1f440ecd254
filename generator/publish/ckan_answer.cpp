#include "publish/ckan_answer.h"

#include "publish/http_transport.h"

namespace hyoka {

bool nested_deeper_than(std::string_view body, int limit) {
  int depth = 0;
  bool in_string = false;
  for (std::size_t i = 0; i < body.size(); ++i) {
    const char c = body[i];
    if (in_string) {
      if (c == '\\') {
        ++i;
      } else if (c == '"') {
        in_string = false;
      }
    } else if (c == '"') {
      in_string = true;
    } else if (c == '[' || c == '{') {
      if (++depth > limit) return true;
    } else if ((c == ']' || c == '}') && depth > 0) {
      --depth;
    }
  }
  return false;
}

Result<nlohmann::json> parse_answer(std::string_view body) {
  using Answer = Result<nlohmann::json>;
  if (body.size() > kMaxAnswerBytes) {
    return Answer::failure("the portal's answer is larger than " +
                           std::to_string(kMaxAnswerBytes >> 20) + " MiB, the most hyoka reads");
  }
  if (nested_deeper_than(body, kMaxAnswerDepth)) {
    return Answer::failure("the portal's answer is nested more than " +
                           std::to_string(kMaxAnswerDepth) + " deep, the most hyoka reads");
  }
  auto answer = nlohmann::json::parse(body, nullptr, /*allow_exceptions=*/false);
  if (answer.is_discarded()) return Answer::failure("");
  return {std::move(answer), ""};
}

}  // namespace hyoka
