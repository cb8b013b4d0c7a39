#include "core/xlsx_reader.hpp"

#include <expat.h>
#include <zip.h>

#include <algorithm>
#include <charconv>
#include <cstdlib>
#include <chrono>
#include <cstring>
#include <memory>

#include <fmt/format.h>

namespace hearth {

namespace {

std::string_view LocalName(const XML_Char* name) {
  std::string_view n(name);
  const auto colon = n.rfind(':');
  return colon == std::string_view::npos ? n : n.substr(colon + 1);
}

const XML_Char* Attribute(const XML_Char** attrs, std::string_view local) {
  for (int i = 0; attrs[i]; i += 2) {
    if (LocalName(attrs[i]) == local) return attrs[i + 1];
  }
  return nullptr;
}

struct ZipCloser {
  void operator()(zip_t* z) const { zip_discard(z); }
};
struct FileCloser {
  void operator()(zip_file_t* f) const { zip_fclose(f); }
};
struct ParserFree {
  void operator()(XML_Parser p) const { XML_ParserFree(p); }
};
using Parser = std::unique_ptr<std::remove_pointer_t<XML_Parser>, ParserFree>;

/// Feeds entry `name` of the archive to `parser` chunk by chunk. "" when parsed to the end (or
/// stopped by a handler), else the reason.
std::string ParseEntry(zip_t* zip, const std::string& name, XML_Parser parser, std::uint64_t max_bytes) {
  std::unique_ptr<zip_file_t, FileCloser> file(zip_fopen(zip, name.c_str(), 0));
  if (!file) return "no_worksheet";
  std::vector<char> buffer(1 << 16);
  std::uint64_t total = 0;
  for (;;) {
    const zip_int64_t n = zip_fread(file.get(), buffer.data(), buffer.size());
    if (n < 0) return "not_xlsx";
    total += static_cast<std::uint64_t>(n);
    if (total > max_bytes) return "too_large";
    if (XML_Parse(parser, buffer.data(), static_cast<int>(n), n == 0) == XML_STATUS_ERROR) {
      return XML_GetErrorCode(parser) == XML_ERROR_ABORTED ? "" : "bad_xml";
    }
    XML_ParsingStatus status;
    XML_GetParsingStatus(parser, &status);
    if (status.parsing == XML_FINISHED || n == 0) return "";
  }
}

/// Reads a small entry (workbook.xml, its relationships) whole; nullopt when absent.
std::optional<std::string> ReadSmallEntry(zip_t* zip, const std::string& name) {
  std::unique_ptr<zip_file_t, FileCloser> file(zip_fopen(zip, name.c_str(), 0));
  if (!file) return std::nullopt;
  std::string out;
  char buffer[1 << 14];
  for (;;) {
    const zip_int64_t n = zip_fread(file.get(), buffer, sizeof buffer);
    if (n < 0) return std::nullopt;
    if (n == 0) return out;
    out.append(buffer, static_cast<std::size_t>(n));
    if (out.size() > (16u << 20)) return std::nullopt;
  }
}

/// Runs `start(local name, attributes)` over every element of a small XML document.
template <typename Start>
bool ScanElements(const std::string& xml, Start start) {
  Parser parser(XML_ParserCreate(nullptr));
  XML_SetUserData(parser.get(), &start);
  XML_SetStartElementHandler(parser.get(), [](void* data, const XML_Char* name, const XML_Char** attrs) {
    (*static_cast<Start*>(data))(LocalName(name), attrs);
  });
  return XML_Parse(parser.get(), xml.data(), static_cast<int>(xml.size()), 1) != XML_STATUS_ERROR;
}

/// The archive path of the workbook's first worksheet.
std::string FirstSheetPath(zip_t* zip) {
  const std::string fallback = "xl/worksheets/sheet1.xml";
  auto workbook = ReadSmallEntry(zip, "xl/workbook.xml");
  auto rels = ReadSmallEntry(zip, "xl/_rels/workbook.xml.rels");
  if (!workbook || !rels) return fallback;
  std::string rel_id;
  ScanElements(*workbook, [&](std::string_view name, const XML_Char** attrs) {
    if (name == "sheet" && rel_id.empty()) {
      if (const auto* id = Attribute(attrs, "id")) rel_id = id;
    }
  });
  std::string target;
  ScanElements(*rels, [&](std::string_view name, const XML_Char** attrs) {
    if (name != "Relationship" || !target.empty()) return;
    const auto* id = Attribute(attrs, "Id");
    const auto* t = Attribute(attrs, "Target");
    if (id && t && rel_id == id) target = t;
  });
  if (target.empty()) return fallback;
  if (target.starts_with('/')) return target.substr(1);
  return "xl/" + target;
}

/// sharedStrings.xml: the text of each <si>, rich-text runs joined, phonetic runs (<rPh>) left out.
struct SharedStrings {
  std::vector<std::string> items;
  int depth_in_phonetic = 0;
  bool in_text = false;
};

std::optional<std::string> ReadSharedStrings(zip_t* zip, const XlsxLimits& limits, std::vector<std::string>& out) {
  if (zip_name_locate(zip, "xl/sharedStrings.xml", 0) < 0) return std::nullopt;
  SharedStrings state;
  Parser parser(XML_ParserCreate(nullptr));
  XML_SetUserData(parser.get(), &state);
  XML_SetElementHandler(
      parser.get(),
      [](void* data, const XML_Char* name, const XML_Char**) {
        auto& s = *static_cast<SharedStrings*>(data);
        const auto local = LocalName(name);
        if (local == "si") s.items.emplace_back();
        if (local == "rPh") ++s.depth_in_phonetic;
        if (local == "t" && s.depth_in_phonetic == 0 && !s.items.empty()) s.in_text = true;
      },
      [](void* data, const XML_Char* name) {
        auto& s = *static_cast<SharedStrings*>(data);
        const auto local = LocalName(name);
        if (local == "rPh") --s.depth_in_phonetic;
        if (local == "t") s.in_text = false;
      });
  XML_SetCharacterDataHandler(parser.get(), [](void* data, const XML_Char* text, int len) {
    auto& s = *static_cast<SharedStrings*>(data);
    if (s.in_text) s.items.back().append(text, static_cast<std::size_t>(len));
  });
  auto failed = ParseEntry(zip, "xl/sharedStrings.xml", parser.get(), limits.max_shared_strings_bytes);
  if (!failed.empty()) return failed;
  out = std::move(state.items);
  return std::nullopt;
}

bool IsDateFormatCode(std::string_view code) {
  bool quoted = false;
  int bracket = 0;
  for (char ch : code) {
    if (ch == '"') quoted = !quoted;
    if (quoted) continue;
    if (ch == '[') ++bracket;
    if (ch == ']') --bracket;
    if (bracket > 0) continue;
    if (ch == 'y' || ch == 'Y' || ch == 'd' || ch == 'D') return true;
  }
  return false;
}

bool IsBuiltinDateFormat(int id) {
  return (id >= 14 && id <= 22) || (id >= 27 && id <= 36) || (id >= 45 && id <= 47) || (id >= 50 && id <= 58);
}

/// For each cell style (<cellXfs>), whether its number format shows a date.
std::vector<bool> ReadDateStyles(zip_t* zip) {
  auto styles = ReadSmallEntry(zip, "xl/styles.xml");
  std::vector<bool> out;
  if (!styles) return out;
  std::vector<int> custom_dates;
  bool in_cell_xfs = false;
  Parser parser(XML_ParserCreate(nullptr));
  struct State {
    std::vector<bool>* out;
    std::vector<int>* custom_dates;
    bool* in_cell_xfs;
  } state{&out, &custom_dates, &in_cell_xfs};
  XML_SetUserData(parser.get(), &state);
  XML_SetElementHandler(
      parser.get(),
      [](void* data, const XML_Char* name, const XML_Char** attrs) {
        auto& st = *static_cast<State*>(data);
        const auto local = LocalName(name);
        if (local == "numFmt") {
          const auto* id = Attribute(attrs, "numFmtId");
          const auto* code = Attribute(attrs, "formatCode");
          if (id && code && IsDateFormatCode(code)) st.custom_dates->push_back(std::atoi(id));
        } else if (local == "cellXfs") {
          *st.in_cell_xfs = true;
        } else if (local == "xf" && *st.in_cell_xfs) {
          const auto* id = Attribute(attrs, "numFmtId");
          const int fmt_id = id ? std::atoi(id) : 0;
          const bool custom = std::find(st.custom_dates->begin(), st.custom_dates->end(), fmt_id) != st.custom_dates->end();
          st.out->push_back(IsBuiltinDateFormat(fmt_id) || custom);
        }
      },
      [](void* data, const XML_Char* name) {
        if (LocalName(name) == "cellXfs") *static_cast<State*>(data)->in_cell_xfs = false;
      });
  XML_Parse(parser.get(), styles->data(), static_cast<int>(styles->size()), 1);
  return out;
}

/// "BC12" → column 54 (0-based); -1 when the reference has no letters.
int ColumnOf(std::string_view ref) {
  int col = 0;
  std::size_t i = 0;
  for (; i < ref.size() && ref[i] >= 'A' && ref[i] <= 'Z'; ++i) col = col * 26 + (ref[i] - 'A' + 1);
  return i == 0 ? -1 : col - 1;
}

int RowOf(std::string_view ref) {
  std::size_t i = 0;
  while (i < ref.size() && ref[i] >= 'A' && ref[i] <= 'Z') ++i;
  int row = 0;
  std::from_chars(ref.data() + i, ref.data() + ref.size(), row);
  return row;
}

struct SheetState {
  const std::vector<std::string>* shared = nullptr;
  const std::vector<bool>* date_styles = nullptr;
  const std::function<bool(const std::vector<std::string>&, int)>* on_record = nullptr;
  const std::function<void(int)>* on_size = nullptr;
  XML_Parser parser = nullptr;
  int max_columns = 0;
  bool too_wide = false;

  std::vector<std::string> cells;
  int row = 0;
  int next_column = 0;
  int column = 0;
  std::string type;
  bool is_date = false;
  std::string value;
  bool in_value = false;  // inside <v>, or <t> of an inline string
  int depth_in_phonetic = 0;

  void EndCell() {
    std::string text;
    if (type == "s") {
      std::size_t index = 0;
      auto [p, ec] = std::from_chars(value.data(), value.data() + value.size(), index);
      if (ec == std::errc() && index < shared->size()) text = (*shared)[index];
    } else if (type == "n" && is_date) {
      auto date = ExcelSerialDate(value);
      text = date ? *date : std::move(value);
    } else if (type == "b") {
      text = value == "1" ? "true" : "false";
    } else if (type != "e") {
      text = std::move(value);
    }
    if (column >= max_columns) {
      too_wide = true;
      XML_StopParser(parser, XML_FALSE);
      return;
    }
    if (!text.empty()) {
      if (cells.size() <= static_cast<std::size_t>(column)) cells.resize(static_cast<std::size_t>(column) + 1);
      cells[static_cast<std::size_t>(column)] = std::move(text);
    }
    next_column = column + 1;
  }
};

void SheetStart(void* data, const XML_Char* name, const XML_Char** attrs) {
  auto& s = *static_cast<SheetState*>(data);
  const auto local = LocalName(name);
  if (local == "row") {
    s.cells.clear();
    s.next_column = 0;
    const auto* r = Attribute(attrs, "r");
    s.row = r ? RowOf(r) : s.row + 1;
  } else if (local == "c") {
    const auto* r = Attribute(attrs, "r");
    const int col = r ? ColumnOf(r) : -1;
    s.column = col >= 0 ? col : s.next_column;
    const auto* t = Attribute(attrs, "t");
    s.type = t ? t : "n";
    const auto* style = Attribute(attrs, "s");
    const std::size_t style_index = style ? static_cast<std::size_t>(std::atoi(style)) : 0;
    s.is_date = style_index < s.date_styles->size() && (*s.date_styles)[style_index];
    s.value.clear();
  } else if (local == "v") {
    s.in_value = true;
  } else if (local == "rPh") {
    ++s.depth_in_phonetic;
  } else if (local == "t") {
    s.in_value = s.depth_in_phonetic == 0;  // inline string text
  } else if (local == "dimension" && *s.on_size) {
    if (const auto* ref = Attribute(attrs, "ref")) {
      std::string_view range(ref);
      const auto colon = range.find(':');
      (*s.on_size)(RowOf(colon == std::string_view::npos ? range : range.substr(colon + 1)));
    }
  }
}

void SheetEnd(void* data, const XML_Char* name) {
  auto& s = *static_cast<SheetState*>(data);
  const auto local = LocalName(name);
  if (local == "v" || local == "t") {
    s.in_value = false;
  } else if (local == "rPh") {
    --s.depth_in_phonetic;
  } else if (local == "c") {
    s.EndCell();
  } else if (local == "row") {
    if (!s.cells.empty() && !(*s.on_record)(s.cells, s.row)) XML_StopParser(s.parser, XML_FALSE);
  }
}

}  // namespace

bool LooksLikeZip(std::string_view bytes) { return bytes.size() >= 4 && bytes.substr(0, 4) == std::string_view("PK\x03\x04", 4); }

std::optional<std::string> ReadXlsx(std::string_view bytes,
                                    const std::function<bool(const std::vector<std::string>&, int row)>& on_record,
                                    const std::function<void(int last_row)>& on_size, const XlsxLimits& limits) {
  if (!LooksLikeZip(bytes)) return "not_xlsx";
  zip_error_t error;
  zip_error_init(&error);
  zip_source_t* source = zip_source_buffer_create(bytes.data(), bytes.size(), 0, &error);
  if (!source) return "not_xlsx";
  std::unique_ptr<zip_t, ZipCloser> zip(zip_open_from_source(source, ZIP_RDONLY, &error));
  zip_error_fini(&error);
  if (!zip) {
    zip_source_free(source);
    return "not_xlsx";
  }
  std::vector<std::string> shared;
  if (auto failed = ReadSharedStrings(zip.get(), limits, shared)) return failed;
  const std::vector<bool> date_styles = ReadDateStyles(zip.get());
  const std::string sheet = FirstSheetPath(zip.get());
  if (zip_name_locate(zip.get(), sheet.c_str(), 0) < 0) return "no_worksheet";

  Parser parser(XML_ParserCreate(nullptr));
  SheetState state;
  state.shared = &shared;
  state.date_styles = &date_styles;
  state.on_record = &on_record;
  state.on_size = &on_size;
  state.parser = parser.get();
  state.max_columns = limits.max_columns;
  XML_SetUserData(parser.get(), &state);
  XML_SetElementHandler(parser.get(), SheetStart, SheetEnd);
  XML_SetCharacterDataHandler(parser.get(), [](void* data, const XML_Char* text, int len) {
    auto& s = *static_cast<SheetState*>(data);
    if (s.in_value) s.value.append(text, static_cast<std::size_t>(len));
  });
  auto failed = ParseEntry(zip.get(), sheet, parser.get(), limits.max_sheet_bytes);
  if (state.too_wide) return "too_large";
  if (!failed.empty()) return failed;
  return std::nullopt;
}

std::optional<std::string> ExcelSerialDate(std::string_view text) {
  double serial = 0;
  auto [p, ec] = std::from_chars(text.data(), text.data() + text.size(), serial);
  if (ec != std::errc() || p != text.data() + text.size()) return std::nullopt;
  // 61 is 1900-03-01 (Excel counts a 29 February 1900 that never was); 109574 is 2199-12-31.
  // Written so that NaN (from_chars reads "nan") fails too: every comparison with it is false.
  if (!(serial >= 61 && serial <= 109574)) return std::nullopt;
  using namespace std::chrono;
  const sys_days day = sys_days(year{1899} / December / 30) + days(static_cast<int>(serial));
  const year_month_day ymd(day);
  return fmt::format("{:04}-{:02}-{:02}", static_cast<int>(ymd.year()), static_cast<unsigned>(ymd.month()),
                     static_cast<unsigned>(ymd.day()));
}

}  // namespace hearth
