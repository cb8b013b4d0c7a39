#include <gtest/gtest.h>

#include <boost/json.hpp>

#include "core/json_writer.hpp"

namespace hearth {
namespace {

// The writer must give the very bytes boost::json::serialize gives, whatever the text.
TEST(JsonWriter, EscapesStringsAsBoostJsonDoes) {
  const std::string all_bytes = [] {
    std::string s;
    for (int c = 1; c < 256; ++c) s += static_cast<char>(c);
    return s;
  }();
  const std::string cases[] = {"", "王伟", "a\"b", "back\\slash", "tab\there", "line\nfeed\r", std::string("nul\0x", 5),
                               "\x01\x1f\x7f", "</script>", "末尾\\", all_bytes};
  for (const auto& text : cases) {
    JsonWriter w;
    w.String(text);
    EXPECT_EQ(w.text(), boost::json::serialize(boost::json::value(text))) << text;
  }
}

// Text that may not be UTF-8: as String when it is, else its bytes as code points, always JSON
// that parses back.
TEST(JsonWriter, WritesBytesThatAreNotUtf8AsCodePoints) {
  JsonWriter utf8;
  utf8.Bytes("王伟 \"a\"");
  EXPECT_EQ(utf8.text(), boost::json::serialize(boost::json::value("王伟 \"a\"")));
  JsonWriter gbk;
  gbk.Bytes("\xCD\xF5 x\n");  // 王 in GB18030
  EXPECT_EQ(gbk.text(), R"("\u00cd\u00f5 x\n")");
  EXPECT_EQ(boost::json::parse(gbk.text()).as_string(), "\xC3\x8D\xC3\xB5 x\n");
}

TEST(JsonWriter, NestsObjectsAndArraysWithCommasWhereTheyBelong) {
  JsonWriter w;
  w.BeginObject();
  w.Key("id");
  w.Int(-9007199254740993);
  w.Key("empty");
  w.BeginArray();
  w.EndArray();
  w.Key("list");
  w.BeginArray();
  w.BeginObject();
  w.Key("a");
  w.Null();
  w.EndObject();
  w.Int(2);
  w.Bool(false);
  w.EndArray();
  w.Key("none");
  w.String(std::optional<std::string>());
  w.Key("raw");
  w.Raw(R"({"x":[1]})");
  w.Key("ok");
  w.Bool(true);
  w.EndObject();
  const boost::json::value expected = {{"id", -9007199254740993},
                                       {"empty", boost::json::array()},
                                       {"list", {boost::json::object{{"a", nullptr}}, 2, false}},
                                       {"none", nullptr},
                                       {"raw", {{"x", {1}}}},
                                       {"ok", true}};
  EXPECT_EQ(boost::json::parse(w.text()), expected);
  EXPECT_EQ(w.text(), boost::json::serialize(expected));
}

}  // namespace
}  // namespace hearth
