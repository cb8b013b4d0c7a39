#pragma once
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace hearth {

/// True when `bytes` start like a ZIP archive (an XLSX workbook), not like text.
bool LooksLikeZip(std::string_view bytes);

struct XlsxLimits {
  std::uint64_t max_sheet_bytes = 4ULL << 30;         ///< uncompressed worksheet XML
  std::uint64_t max_shared_strings_bytes = 1ULL << 30;  ///< uncompressed sharedStrings.xml
  int max_columns = 1024;
};

/// Reads the first worksheet of an XLSX workbook (Office Open XML, as Excel, WPS and LibreOffice
/// write it) from memory, streaming: libzip inflates the sheet in chunks and expat parses them,
/// so a million-row sheet is never held whole. Calls `on_size(last_row)` once when the sheet
/// declares its dimension, then `on_record(cells, row)` for every row that has a cell, with the
/// row number as Excel shows it (the header is row 1) and the cells by column (A = 0), missing
/// cells empty. Shared and inline strings are read as text, numbers as written in the file
/// (those formatted as dates as "YYYY-MM-DD"), booleans as "true"/"false", error cells as "". Stops early when `on_record` returns false.
/// Returns nullopt, or why the file cannot be read: "not_xlsx", "no_worksheet", "bad_xml",
/// "too_large".
std::optional<std::string> ReadXlsx(std::string_view bytes,
                                    const std::function<bool(const std::vector<std::string>&, int row)>& on_record,
                                    const std::function<void(int last_row)>& on_size = {}, const XlsxLimits& limits = {});

/// An Excel serial day number ("36526", "36526.5") as an ISO date ("2000-01-01"); nullopt when
/// `text` is not a plausible serial date (1900-03-01 to 2199-12-31).
std::optional<std::string> ExcelSerialDate(std::string_view text);

}  // namespace hearth
