// Which characters a text field refuses, as a table.
#include <gtest/gtest.h>

#include "core/text.hpp"

namespace hearth {
namespace {

TEST(HasControlCharacter, RefusesWhatCutsOrForgesTextAndKeepsLineBreaksWhereAllowed) {
  struct Case {
    std::string text;
    bool single_line;  // refused in a one-line field (a name)
    bool multi_line;   // refused in a multi-line field (a ticket's description)
  };
  const Case cases[] = {
      {"王小明", false, false},
      {"3-2-1101 室", false, false},
      {"café ∑ 😀", false, false},
      {std::string("王\0明", 5 + 2), true, true},  // NUL
      {"\x01" "a", true, true},
      {"\x1b[31mred", true, true},                   // ESC: terminal colours in a log
      {"a\x7f", true, true},                         // DEL
      {"\tname", true, false},                       // TAB: a formula in a spreadsheet, allowed in a text block
      {"\rname", true, false},
      {"line one\nline two", true, false},
      {"line one\r\nline two", true, false},
      {"a\xc2\x85" "b", true, true},                 // U+0085 NEXT LINE (C1)
      {"a\xc2\x9f", true, true},                     // U+009F (C1)
      {"a\xc2\xa0" "b", false, false},               // U+00A0 NO-BREAK SPACE is text
      {"user\xe2\x80\xae" "gpj.exe", true, true},    // U+202E RIGHT-TO-LEFT OVERRIDE
      {"a\xe2\x80\xaa" "b", true, true},             // U+202A
      {"a\xe2\x81\xa6" "b", true, true},             // U+2066 LEFT-TO-RIGHT ISOLATE
      {"a\xe2\x81\xa9" "b", true, true},             // U+2069
      {"a\xe2\x80\xa8" "b", true, false},            // U+2028 LINE SEPARATOR
      {"a\xe2\x80\x94" "b", false, false},           // U+2014 EM DASH is text
      {"a\xe2\x81\xa5" "b", false, false},           // U+2065 (unassigned, not a control)
  };
  for (const auto& c : cases) {
    EXPECT_EQ(HasControlCharacter(c.text), c.single_line) << c.text;
    EXPECT_EQ(HasControlCharacter(c.text, {.line_breaks = true}), c.multi_line) << c.text;
  }
}

TEST(WithoutControlCharacters, DropsOnlyTheRefusedCharacters) {
  EXPECT_EQ(WithoutControlCharacters(std::string("王\0明", 7)), "王明");
  EXPECT_EQ(WithoutControlCharacters("\tname\r"), "name");
  EXPECT_EQ(WithoutControlCharacters("a\nb\tc", {.line_breaks = true}), "a\nb\tc");
  EXPECT_EQ(WithoutControlCharacters("x\xe2\x80\xae" "y\xc2\x85z"), "xyz");
  EXPECT_EQ(WithoutControlCharacters("café ∑"), "café ∑");
}

}  // namespace
}  // namespace hearth
