#include "data/kpi_values.h"

#include <cctype>

#include "base/spellcheck.h"

namespace hyoka {

namespace {

// A TOML number as written, up to the next delimiter: 87.5, but 8.75e1 or 0x57 whole, which
// parse_toml_number_text then refuses. toml++ has already turned it into a double; this reads
// the digits the user typed instead.
std::string number_text(const SourceText& source, Position position) {
  std::string text;
  const auto& all = source.text();
  for (auto at = source.offset_of(position);
       at < all.size() && (std::isalnum(static_cast<unsigned char>(all[at])) ||
                           std::string_view(".-+_").find(all[at]) != std::string_view::npos);
       ++at) {
    text += all[at];
  }
  return text;
}

std::vector<std::string> reason_labels(const std::vector<MissingReason>& reasons) {
  std::vector<std::string> labels;
  for (const auto& r : reasons) labels.push_back(r.label);
  return labels;
}

}  // namespace

std::optional<std::uint16_t> reason_of(const std::string& text,
                                       const std::vector<MissingReason>& reasons) {
  for (std::size_t i = 0; i < reasons.size(); ++i) {
    if (reasons[i].label == text) return static_cast<std::uint16_t>(i + 1);
  }
  return std::nullopt;
}

// A decimal as printed: a string (「1,234」, 「▲12」) or a TOML number read from its text. The
// error names what was written: `"1,100人" is not a number`.
std::variant<Decimal, std::string> decimal_of(const SourceText& source, const TomlReader& reader,
                                              const toml::node& node) {
  std::variant<Decimal, std::string> parsed;
  std::string written;
  if (const auto* str = node.as_string()) {
    written = "\"" + str->get() + "\"";
    parsed = parse_decimal(str->get());
  } else if (node.is_integer() || node.is_floating_point()) {
    written = number_text(source, reader.position(node));
    parsed = parse_toml_number_text(written);
  } else {
    return "a figure is a string as printed, such as \"87.5\", or a number, not " +
           describe_type(node.type());
  }
  if (auto* error = std::get_if<std::string>(&parsed)) *error = written + " " + *error;
  return parsed;
}

std::optional<std::string> beyond_limits(const Decimal& value, int max_digits) {
  if (value.decimals > kMaxValueDecimals) {
    return "has more than " + std::to_string(kMaxValueDecimals) + " decimals";
  }
  __int128 limit = 1;
  for (int i = 0; i < max_digits; ++i) limit *= 10;
  if (value.digits >= limit || value.digits <= -limit) {
    return "has more than " + std::to_string(max_digits) + " digits";
  }
  return std::nullopt;
}

// A value, or the reason it is missing.
std::optional<KpiValue> read_value(TomlReader& reader, const SourceText& source,
                                   const toml::node& node,
                                   const std::vector<MissingReason>& reasons) {
  KpiValue value;
  value.position = reader.position(node);
  if (const auto* str = node.as_string()) {
    if (const auto missing = reason_of(str->get(), reasons)) {
      value.missing = *missing;
      return value;
    }
  }
  auto parsed = decimal_of(source, reader, node);
  if (auto* decimal = std::get_if<Decimal>(&parsed)) {
    if (const auto problem = beyond_limits(*decimal, kMaxValueDigits)) {
      reader.error(value.position, "a value " + *problem);
      return std::nullopt;
    }
    value.value = *decimal;
    return value;
  }
  auto message = std::get<std::string>(parsed);
  if (node.is_string() && reasons.empty()) {
    message += "; to leave a value out, declare its reason under [[missing]]";
  } else if (node.is_string()) {
    message += ", nor a missing value's reason" +
               did_you_mean(node.as_string()->get(), reason_labels(reasons));
  }
  reader.error(value.position, message);
  return std::nullopt;
}

// One value per period.
std::optional<std::vector<KpiValue>> read_values(TomlReader& reader, const SourceText& source,
                                                 const toml::node& node, const std::string& name,
                                                 std::size_t periods,
                                                 const std::vector<MissingReason>& reasons) {
  const auto* array = node.as_array();
  if (!array) {
    reader.error(reader.position(node), "\"" + name +
                                            "\" must be an array with one value per period, not " +
                                            describe_type(node.type()));
    return std::nullopt;
  }
  bool ok = true;
  if (array->size() != periods) {
    reader.error(
        reader.position(node),
        "\"" + name + "\" has " + std::to_string(array->size()) + " value" +
            (array->size() == 1 ? "" : "s") + " but there " +
            (periods == 1 ? "is 1 period" : "are " + std::to_string(periods) + " periods"));
    ok = false;
  }
  std::vector<KpiValue> figures;
  for (const auto& item : *array) {
    auto figure = read_value(reader, source, item, reasons);
    ok = ok && figure;
    figures.push_back(figure.value_or(KpiValue{}));
  }
  if (!ok) return std::nullopt;
  return figures;
}

}  // namespace hyoka
