#pragma once
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace hearth {

/// Text in UTF-8: `bytes` without a UTF-8 BOM when it is valid UTF-8, else converted from
/// GB18030 (as Excel in China writes CSV). nullopt when it is neither.
std::optional<std::string> DecodeText(std::string_view bytes);
/// True when `text` is well-formed UTF-8.
bool IsUtf8(std::string_view text);

/// Reads RFC 4180 CSV: fields separated by commas, quoted with '"' (doubled inside), records
/// ended by LF or CRLF, line breaks allowed inside quotes. Calls `on_record(fields, line)` with
/// the line number where each record starts; stops early when it returns false.
/// Fails (returns the line) on a quote left open at the end.
std::optional<int> ReadCsv(std::string_view text,
                           const std::function<bool(const std::vector<std::string>&, int line)>& on_record);

/// Appends one CSV field, quoted when it holds a comma, quote or line break. Fields that a
/// spreadsheet would run as a formula (=, +, -, @, TAB or CR first: OWASP's list) get a leading
/// apostrophe. Control characters other than TAB and line breaks are left out (core/text.hpp).
void AppendCsvField(std::string& out, std::string_view field);

}  // namespace hearth
