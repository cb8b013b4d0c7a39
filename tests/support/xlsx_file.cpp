#include "support/xlsx_file.hpp"

#include <unistd.h>

#include <atomic>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <stdexcept>

namespace hearth::test {

std::string XlsxFile(const std::function<void(lxw_workbook*, lxw_worksheet*)>& fill, bool constant_memory) {
  static std::atomic<int> counter{0};
  const auto path = std::filesystem::temp_directory_path() /
                    ("hearth-test-" + std::to_string(::getpid()) + "-" + std::to_string(counter++) + ".xlsx");
  lxw_workbook_options options{};
  options.constant_memory = constant_memory ? LXW_TRUE : LXW_FALSE;
  lxw_workbook* book = workbook_new_opt(path.c_str(), &options);
  lxw_worksheet* first = workbook_add_worksheet(book, "客户");
  fill(book, first);
  lxw_worksheet* second = workbook_add_worksheet(book, "other");
  worksheet_write_string(second, 0, 0, "not this sheet", nullptr);
  if (workbook_close(book) != LXW_NO_ERROR) throw std::runtime_error("libxlsxwriter could not write " + path.string());
  std::ifstream in(path, std::ios::binary);
  std::ostringstream bytes;
  bytes << in.rdbuf();
  std::filesystem::remove(path);
  return bytes.str();
}

}  // namespace hearth::test
