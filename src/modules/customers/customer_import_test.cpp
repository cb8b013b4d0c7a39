// The import's error report, without a server: what a line holds, and its bounds.
#include <gtest/gtest.h>

#include <algorithm>

#include "modules/customers/customer_import.hpp"

namespace hearth::customers {
namespace {

Error Problems(std::vector<FieldError> fields) {
  return Error{ErrorCode::kInvalidArgument, "validation_failed", "", std::move(fields), {}};
}

TEST(ErrorReportWriter, ALineAProblemWithTheRowOnItsFirstAndNoControlCharacters) {
  ErrorReportWriter report;
  report.SetHeader({"姓名", "手机号"});
  report.AddRow(2, Problems({{"name", "control_character"}, {"phone", "invalid_format"}, {"children_birth_years[1]", "invalid_value"}}),
                {std::string("王\0明", 7), "1234"});
  const std::string& csv = report.Finish();
  EXPECT_EQ(csv,
            "\"行号\",\"字段\",\"问题\",\"字段代码\",\"原因代码\",\"姓名\",\"手机号\"\n"
            "\"2\",\"姓名\",\"含有不允许的控制字符\",\"name\",\"control_character\",\"王明\",\"1234\"\n"
            "\"2\",\"手机号\",\"格式无效\",\"phone\",\"invalid_format\"\n"
            "\"2\",\"子女出生年份（第 2 项）\",\"取值无效\",\"children_birth_years[1]\",\"invalid_value\"\n");
  EXPECT_EQ(report.problems(), 3);
}

TEST(ErrorReportWriter, StopsAtItsBoundAndSaysSo) {
  ErrorReportWriter report;
  report.SetHeader({"姓名"});
  const std::vector<std::string> huge{std::string(1 << 20, 'x')};
  for (int line = 2; line < 200; ++line) report.AddRow(line, Problems({{"name", "too_long"}}), huge);
  const std::string& csv = report.Finish();
  EXPECT_LT(csv.size(), ErrorReportWriter::kMaxBytes + (2u << 20));
  EXPECT_NE(csv.find("报告过长"), std::string::npos);
  EXPECT_LT(std::count(csv.begin(), csv.end(), '\n'), 80);
}

}  // namespace
}  // namespace hearth::customers
