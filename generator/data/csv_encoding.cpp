#include "data/csv_encoding.h"

#include <iconv.h>

#include <cerrno>
#include <stdexcept>

#include "base/utf8.h"

namespace hyoka {

namespace {

constexpr std::string_view kBom = "\xEF\xBB\xBF";
constexpr std::string_view kReplacement = "\xEF\xBF\xBD";  // U+FFFD

// CP932 → UTF-8 with iconv; a byte that is not CP932 becomes U+FFFD, and the first is noted
// (in `first_bad_input` too, as an offset into `bytes`).
DecodedCsv from_cp932(std::string_view bytes, std::size_t* first_bad_input = nullptr) {
  DecodedCsv out;
  out.encoding = "CP932 (Shift_JIS)";
  const iconv_t cd = iconv_open("UTF-8", "CP932");
  if (cd == reinterpret_cast<iconv_t>(-1)) throw std::runtime_error("iconv has no CP932");
  std::string buffer(4096, '\0');
  auto* in = const_cast<char*>(bytes.data());
  std::size_t in_left = bytes.size();
  while (in_left > 0) {
    char* out_at = buffer.data();
    std::size_t out_left = buffer.size();
    const auto done = iconv(cd, &in, &in_left, &out_at, &out_left);
    out.text.append(buffer.data(), buffer.size() - out_left);
    if (done != static_cast<std::size_t>(-1) || errno == E2BIG) continue;
    // EILSEQ, or EINVAL for a lead byte at the very end: one byte is skipped.
    if (!out.bad_byte) {
      out.bad_byte = out.text.size();
      if (first_bad_input) *first_bad_input = static_cast<std::size_t>(in - bytes.data());
    }
    out.text += kReplacement;
    ++in;
    --in_left;
  }
  iconv_close(cd);
  return out;
}

// UTF-8 (after any mark); every byte that is not UTF-8 becomes U+FFFD and the first is noted.
DecodedCsv from_utf8(std::string_view bytes, bool bom) {
  DecodedCsv out;
  out.encoding = bom ? "UTF-8 with BOM" : "UTF-8";
  if (!utf8::first_invalid(bytes)) {
    out.text = std::string(bytes);
    return out;
  }
  for (std::size_t at = 0; at < bytes.size();) {
    const auto start = at;
    if (utf8::next(bytes, at)) {
      out.text.append(bytes.substr(start, at - start));
    } else {
      if (!out.bad_byte) out.bad_byte = out.text.size();
      out.text += kReplacement;
    }
  }
  return out;
}

}  // namespace

const std::vector<std::string>& csv_encoding_names() {
  static const std::vector<std::string> names = {"utf-8", "cp932", "shift_jis"};
  return names;
}

std::optional<CsvEncoding> parse_csv_encoding(std::string_view name) {
  if (name == "utf-8") return CsvEncoding::utf8;
  // What Windows and Excel call Shift_JIS is CP932.
  if (name == "cp932" || name == "shift_jis") return CsvEncoding::cp932;
  return std::nullopt;
}

DecodedCsv decode_csv(std::string_view bytes, std::optional<CsvEncoding> declared) {
  // Excel's "Unicode text" is UTF-16 with its mark: said as such, not shown as CP932's noise.
  if (bytes.starts_with("\xFF\xFE") || bytes.starts_with("\xFE\xFF")) {
    return {"", "UTF-16", 0};
  }
  const bool bom = bytes.starts_with(kBom);
  if (bom) bytes.remove_prefix(kBom.size());
  if (declared == CsvEncoding::cp932) return from_cp932(bytes);
  if (declared || bom) return from_utf8(bytes, bom);
  const auto utf8_bad = utf8::first_invalid(bytes);
  if (!utf8_bad) return from_utf8(bytes, false);
  std::size_t cp932_bad = 0;
  auto cp932 = from_cp932(bytes, &cp932_bad);
  // Neither reads it whole: the one that reads further is the one the file was meant to be
  // in, and the problem is shown where it stops.
  if (cp932.bad_byte && *utf8_bad > cp932_bad) return from_utf8(bytes, false);
  return cp932;
}

}  // namespace hyoka
