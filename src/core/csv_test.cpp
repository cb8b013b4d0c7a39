#include "core/csv.hpp"

#include <gtest/gtest.h>

namespace hearth {
namespace {

TEST(ReadCsv, QuotesCommasLineBreaksAndLineNumbers) {
  std::vector<std::pair<std::vector<std::string>, int>> records;
  auto open = ReadCsv("name,phone\r\n\"王, 小文\",138\n\"多行\n地址\",\"说\"\"好\"\"\"\n\nlast,1", [&](const auto& f, int line) {
    records.emplace_back(f, line);
    return true;
  });
  EXPECT_FALSE(open);
  ASSERT_EQ(records.size(), 4u);
  EXPECT_EQ(records[1].first[0], "王, 小文");
  EXPECT_EQ(records[1].second, 2);
  EXPECT_EQ(records[2].first[0], "多行\n地址");
  EXPECT_EQ(records[2].first[1], "说\"好\"");
  EXPECT_EQ(records[3].second, 6);
}

TEST(ReadCsv, ReportsAQuoteLeftOpen) {
  auto open = ReadCsv("a,b\n\"never closed,1\n", [](const auto&, int) { return true; });
  ASSERT_TRUE(open);
  EXPECT_EQ(*open, 2);
}

TEST(DecodeText, Utf8WithBomAndGb18030) {
  EXPECT_EQ(*DecodeText("\xEF\xBB\xBF王小文"), "王小文");
  // "王小文" in GB18030 (GBK range).
  EXPECT_EQ(*DecodeText("\xCD\xF5\xD0\xA1\xCE\xC4"), "王小文");
  EXPECT_TRUE(IsUtf8("plain ascii"));
  EXPECT_FALSE(IsUtf8("\xCD\xF5"));
}

TEST(AppendCsvField, QuotesWhatNeedsItAndDefusesFormulas) {
  std::string out;
  AppendCsvField(out, "a,b");
  out += ',';
  AppendCsvField(out, "=1+1");
  out += ',';
  AppendCsvField(out, "plain");
  EXPECT_EQ(out, "\"a,b\",\"'=1+1\",plain");
}

TEST(IsUtf8, WellFormedOnly) {
  const std::pair<std::string, bool> cases[] = {
      {"王小明 café 😀", true},
      {"\xE0\x80\x80", false},      // an overlong NUL
      {"\xC0\x80", false},          // another
      {"\xED\xA0\x80", false},      // a surrogate
      {"\xF4\x90\x80\x80", false},  // above U+10FFFF
      {"\xF0\x80\x80\x80", false},  // overlong
      {"\xE0\xA0\x80", true},       // U+0800, the first three-byte character
      {"\xED\x9F\xBF", true},       // U+D7FF
      {"\xF4\x8F\xBF\xBF", true},   // U+10FFFF
      {"\xE4\xB8", false},          // cut short
  };
  for (const auto& [text, valid] : cases) EXPECT_EQ(IsUtf8(text), valid) << text;
}

TEST(AppendCsvField, EveryFormulaLeadAndNoControlCharacters) {
  const std::pair<std::string, std::string> cases[] = {
      {"+86", "\"'+86\""},
      {"-2", "\"'-2\""},
      {"@SUM(A1)", "\"'@SUM(A1)\""},
      {"\t=1+1", "\"'\t=1+1\""},        // TAB first: Excel drops it and runs the rest
      {"\r=1+1", "\"'\r=1+1\""},
      {std::string("王\0明", 7), "王明"},  // a NUL never reaches the file
      {"a\x1b[31mb", "a[31mb"},
      {"line\nbreak", "\"line\nbreak\""},
      {"3-2-1101", "3-2-1101"},
  };
  for (const auto& [field, written] : cases) {
    std::string out;
    AppendCsvField(out, field);
    EXPECT_EQ(out, written) << field;
  }
}

}  // namespace
}  // namespace hearth
