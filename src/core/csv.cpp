#include "core/csv.hpp"

#include <iconv.h>

#include <cerrno>

#include "core/text.hpp"

namespace hearth {

bool IsUtf8(std::string_view s) {
  std::size_t i = 0;
  while (i < s.size()) {
    const auto c = static_cast<unsigned char>(s[i]);
    std::size_t n;
    if (c < 0x80) {
      n = 0;
    } else if (c >= 0xC2 && c <= 0xDF) {
      n = 1;
    } else if (c >= 0xE0 && c <= 0xEF) {
      n = 2;
    } else if (c >= 0xF0 && c <= 0xF4) {
      n = 3;
    } else {
      return false;
    }
    if (n > 0 && i + n >= s.size()) return false;
    for (std::size_t k = 1; k <= n; ++k) {
      if ((static_cast<unsigned char>(s[i + k]) & 0xC0) != 0x80) return false;
    }
    // Well-formed only (Unicode table 3-7): no overlong forms (an overlong NUL would pass the
    // control-character check), no surrogates, nothing above U+10FFFF.
    if (n > 0) {
      const auto second = static_cast<unsigned char>(s[i + 1]);
      if ((c == 0xE0 && second < 0xA0) || (c == 0xED && second > 0x9F) || (c == 0xF0 && second < 0x90) ||
          (c == 0xF4 && second > 0x8F)) {
        return false;
      }
    }
    i += n + 1;
  }
  return true;
}

std::optional<std::string> DecodeText(std::string_view bytes) {
  if (bytes.starts_with("\xEF\xBB\xBF")) bytes.remove_prefix(3);
  if (IsUtf8(bytes)) return std::string(bytes);
  iconv_t cd = iconv_open("UTF-8", "GB18030");
  if (cd == reinterpret_cast<iconv_t>(-1)) return std::nullopt;
  std::string out(bytes.size() * 2 + 16, '\0');
  char* in = const_cast<char*>(bytes.data());
  std::size_t in_left = bytes.size();
  char* dst = out.data();
  std::size_t out_left = out.size();
  bool ok = true;
  while (in_left > 0) {
    if (iconv(cd, &in, &in_left, &dst, &out_left) == static_cast<std::size_t>(-1)) {
      if (errno == E2BIG) {
        const std::size_t used = static_cast<std::size_t>(dst - out.data());
        out.resize(out.size() * 2);
        dst = out.data() + used;
        out_left = out.size() - used;
        continue;
      }
      ok = false;
      break;
    }
  }
  iconv_close(cd);
  if (!ok) return std::nullopt;
  out.resize(static_cast<std::size_t>(dst - out.data()));
  return out;
}

std::optional<int> ReadCsv(std::string_view text,
                           const std::function<bool(const std::vector<std::string>&, int line)>& on_record) {
  std::vector<std::string> fields;
  std::string field;
  bool quoted = false, field_started = false;
  int line = 1, record_line = 1;
  auto end_record = [&]() {
    fields.push_back(std::move(field));
    field.clear();
    const bool go_on = on_record(fields, record_line);
    fields.clear();
    field_started = false;
    return go_on;
  };
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (quoted) {
      if (c == '"') {
        if (i + 1 < text.size() && text[i + 1] == '"') {
          field += '"';
          ++i;
        } else {
          quoted = false;
        }
      } else {
        if (c == '\n') ++line;
        field += c;
      }
      continue;
    }
    switch (c) {
      case '"':
        if (field.empty()) {
          quoted = true;
        } else {
          field += c;  // a stray quote inside an unquoted field is kept
        }
        field_started = true;
        break;
      case ',':
        fields.push_back(std::move(field));
        field.clear();
        field_started = true;
        break;
      case '\r':
        break;
      case '\n':
        if (field_started || !field.empty() || !fields.empty()) {
          if (!end_record()) return std::nullopt;
        }
        ++line;
        record_line = line;
        break;
      default:
        field += c;
        field_started = true;
    }
  }
  if (quoted) return record_line;
  if (field_started || !field.empty() || !fields.empty()) end_record();
  return std::nullopt;
}

void AppendCsvField(std::string& out, std::string_view raw) {
  // Records stored before control characters were refused may still hold them: a NUL would end
  // the field for many readers. Line breaks and TABs stay (inside quotes).
  const std::string field = WithoutControlCharacters(raw, {.line_breaks = true});
  const bool formula = !field.empty() && (field[0] == '=' || field[0] == '+' || field[0] == '-' || field[0] == '@' ||
                                          field[0] == '\t' || field[0] == '\r');
  const bool quote = formula || field.find_first_of(",\"\r\n") != std::string_view::npos;
  if (!quote) {
    out += field;
    return;
  }
  out += '"';
  if (formula) out += '\'';
  for (char c : field) {
    if (c == '"') out += '"';
    out += c;
  }
  out += '"';
}

}  // namespace hearth
