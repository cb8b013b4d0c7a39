#include "core/table_file.hpp"

#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <stdexcept>

#include "core/csv.hpp"

namespace hearth {

std::string XlsxBytes(const std::string& request_id, const char* sheet_name,
                      const std::function<void(lxw_workbook*, lxw_worksheet*)>& fill) {
  const std::string path =
      (std::filesystem::temp_directory_path() / ("hearth-export-" + std::to_string(getpid()) + "-" + request_id + ".xlsx"))
          .string();
  lxw_workbook* workbook = workbook_new(path.c_str());
  if (!workbook) throw std::runtime_error("cannot create the workbook");
  fill(workbook, workbook_add_worksheet(workbook, sheet_name));
  if (workbook_close(workbook) != LXW_NO_ERROR) {
    std::filesystem::remove(path);
    throw std::runtime_error("cannot write the workbook");
  }
  std::ifstream in(path, std::ios::binary);
  std::ostringstream buffer;
  buffer << in.rdbuf();
  std::filesystem::remove(path);
  return buffer.str();
}

std::string TableFile(const Table& table, std::string_view format, const std::string& sheet, const std::string& request_id) {
  if (format == "xlsx") {
    return XlsxBytes(request_id, sheet.c_str(), [&](lxw_workbook* workbook, lxw_worksheet* ws) {
      lxw_format* bold = workbook_add_format(workbook);
      format_set_bold(bold);
      for (std::size_t c = 0; c < table.header.size(); ++c) {
        worksheet_write_string(ws, 0, static_cast<lxw_col_t>(c), table.header[c].c_str(), bold);
      }
      worksheet_freeze_panes(ws, 1, 0);
      for (std::size_t r = 0; r < table.rows.size(); ++r) {
        for (std::size_t c = 0; c < table.rows[r].size(); ++c) {
          const auto row = static_cast<lxw_row_t>(r + 1);
          const auto col = static_cast<lxw_col_t>(c);
          const auto& cell = table.rows[r][c];
          if (const auto* text = std::get_if<std::string>(&cell)) {
            worksheet_write_string(ws, row, col, text->c_str(), nullptr);
          } else if (const auto* n = std::get_if<std::int64_t>(&cell)) {
            worksheet_write_number(ws, row, col, static_cast<double>(*n), nullptr);
          } else {
            worksheet_write_number(ws, row, col, std::get<double>(cell), nullptr);
          }
        }
      }
    });
  }
  std::string out = "\xEF\xBB\xBF";
  for (std::size_t c = 0; c < table.header.size(); ++c) {
    if (c > 0) out += ',';
    AppendCsvField(out, table.header[c]);
  }
  out += "\r\n";
  for (const auto& row : table.rows) {
    for (std::size_t c = 0; c < row.size(); ++c) {
      if (c > 0) out += ',';
      // Numbers as they are (a minus sign is not a formula here); text neutralised.
      if (const auto* text = std::get_if<std::string>(&row[c])) {
        AppendCsvField(out, *text);
      } else if (const auto* n = std::get_if<std::int64_t>(&row[c])) {
        out += std::to_string(*n);
      } else {
        std::ostringstream number;
        number << std::get<double>(row[c]);
        out += number.str();
      }
    }
    out += "\r\n";
  }
  return out;
}

}  // namespace hearth
