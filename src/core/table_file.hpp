#pragma once
#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include <xlsxwriter.h>

namespace hearth {

/// A report as a table: a header row and rows of text or numbers.
struct Table {
  using Cell = std::variant<std::string, std::int64_t, double>;
  std::vector<std::string> header;
  std::vector<std::vector<Cell>> rows;
};

/// The table as a file: "csv" (UTF-8 with a BOM, so that Excel in China reads it; formula-like
/// text neutralised) or "xlsx" (one sheet named `sheet`, numbers as numbers, the header bold and
/// frozen). `request_id` names the private temporary file libxlsxwriter writes.
std::string TableFile(const Table& table, std::string_view format, const std::string& sheet, const std::string& request_id);

/// An XLSX workbook of one sheet that `fill` writes, as bytes. libxlsxwriter writes a file: a
/// private temporary one, named by the request.
std::string XlsxBytes(const std::string& request_id, const char* sheet_name,
                      const std::function<void(lxw_workbook*, lxw_worksheet*)>& fill);

}  // namespace hearth
