#include "core/xlsx_reader.hpp"

#include <gtest/gtest.h>

#include "support/xlsx_file.hpp"

namespace hearth {
namespace {

using test::XlsxFile;

std::vector<std::pair<int, std::vector<std::string>>> ReadAll(const std::string& bytes, int* size = nullptr) {
  std::vector<std::pair<int, std::vector<std::string>>> rows;
  auto failed = ReadXlsx(
      bytes,
      [&](const std::vector<std::string>& cells, int row) {
        rows.emplace_back(row, cells);
        return true;
      },
      [&](int last) {
        if (size) *size = last;
      });
  EXPECT_FALSE(failed) << *failed;
  return rows;
}

void FillCustomers(lxw_workbook* book, lxw_worksheet* sheet) {
  lxw_format* date = workbook_add_format(book);
  format_set_num_format(date, "yyyy/m/d");
  worksheet_write_string(sheet, 0, 0, "姓名", nullptr);
  worksheet_write_string(sheet, 0, 1, "手机", nullptr);
  worksheet_write_string(sheet, 0, 2, "出生日期", nullptr);
  worksheet_write_string(sheet, 0, 3, "营销同意", nullptr);
  worksheet_write_string(sheet, 1, 0, "王小文", nullptr);
  worksheet_write_number(sheet, 1, 1, 13800138000, nullptr);
  lxw_datetime born{1990, 5, 17, 0, 0, 0};
  worksheet_write_datetime(sheet, 1, 2, &born, date);
  worksheet_write_boolean(sheet, 1, 3, 1, nullptr);
  // Row 3 is empty; row 4 has a gap in column B.
  worksheet_write_string(sheet, 3, 0, "李欣怡", nullptr);
  worksheet_write_string(sheet, 3, 2, "1985-01-02", nullptr);
}

TEST(ReadXlsx, SharedStringsNumbersDatesBooleansAndGaps) {
  for (bool constant_memory : {false, true}) {
    int size = 0;
    auto rows = ReadAll(XlsxFile(FillCustomers, constant_memory), &size);
    ASSERT_EQ(rows.size(), 3u) << "constant_memory " << constant_memory;
    EXPECT_EQ(size, 4);
    EXPECT_EQ(rows[0].first, 1);
    EXPECT_EQ(rows[0].second, (std::vector<std::string>{"姓名", "手机", "出生日期", "营销同意"}));
    EXPECT_EQ(rows[1].first, 2);
    EXPECT_EQ(rows[1].second, (std::vector<std::string>{"王小文", "13800138000", "1990-05-17", "true"}));
    EXPECT_EQ(rows[2].first, 4) << "the row number as Excel shows it";
    EXPECT_EQ(rows[2].second, (std::vector<std::string>{"李欣怡", "", "1985-01-02"}));
  }
}

TEST(ReadXlsx, StopsWhenAskedAndRefusesWhatIsNotAWorkbook) {
  const auto bytes = XlsxFile(FillCustomers);
  int seen = 0;
  EXPECT_FALSE(ReadXlsx(bytes, [&](const auto&, int) { return ++seen < 2; }));
  EXPECT_EQ(seen, 2);
  EXPECT_EQ(ReadXlsx("name,phone\n", [](const auto&, int) { return true; }), "not_xlsx");
  EXPECT_EQ(ReadXlsx(std::string("PK\x03\x04garbage", 11), [](const auto&, int) { return true; }), "not_xlsx");
  XlsxLimits tiny;
  tiny.max_sheet_bytes = 100;
  EXPECT_EQ(ReadXlsx(bytes, [](const auto&, int) { return true; }, {}, tiny), "too_large");
}

TEST(ExcelSerialDate, CountsFromExcelsEpoch) {
  EXPECT_EQ(ExcelSerialDate("36526"), "2000-01-01");
  EXPECT_EQ(ExcelSerialDate("61"), "1900-03-01");
  EXPECT_EQ(ExcelSerialDate("45000.75"), "2023-03-15");
  EXPECT_FALSE(ExcelSerialDate("abc"));
  EXPECT_FALSE(ExcelSerialDate("12"));
  // Found by the fuzz_ids target: from_chars reads these as NaN and infinity.
  for (const char* odd : {"nan", "nAn", "-nan", "inf", "-inf", "1e400"}) EXPECT_FALSE(ExcelSerialDate(odd)) << odd;
}

}  // namespace
}  // namespace hearth
