#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace hearth {

/// Writes JSON text straight into a string, for the answers read most (a customer by id, a
/// page of them): building a boost::json::object and serialising it cost four times as much
/// (measured with callgrind). Strings are escaped as boost::json::serialize does (quote,
/// backslash, control characters; UTF-8 as is), so either way gives the same bytes.
///
///   JsonWriter w;
///   w.BeginObject();
///   w.Key("id"); w.Int(7);
///   w.Key("name"); w.String("王伟");
///   w.EndObject();
///   std::string text = std::move(w).Take();
class JsonWriter {
 public:
  JsonWriter() { out_.reserve(512); }

  void BeginObject() { Open('{'); }
  void EndObject() { Close('}'); }
  void BeginArray() { Open('['); }
  void EndArray() { Close(']'); }
  /// An object's key; the value follows.
  void Key(std::string_view key);
  void String(std::string_view text);
  void String(const std::string& text) { String(std::string_view(text)); }
  void String(const char* text) { String(std::string_view(text)); }
  void Int(std::int64_t n);
  void Bool(bool b);
  void Null();
  /// Text that may not be UTF-8 (a header's value, a name from a file): as String when it is;
  /// else each byte from 0x80 up is written as the code point of its value (\u0080–\u00ff), so
  /// that the JSON always parses back.
  void Bytes(std::string_view text);
  /// A string, or null when absent.
  void String(const std::optional<std::string>& text) { text ? String(std::string_view(*text)) : Null(); }
  /// Text that is already JSON (one value).
  void Raw(std::string_view json);

  const std::string& text() const { return out_; }
  std::string Take() && { return std::move(out_); }

 private:
  void Separate() {
    if (need_comma_) out_ += ',';
    need_comma_ = true;
  }
  void Open(char c) {
    Separate();
    out_ += c;
    need_comma_ = false;
  }
  void Close(char c) {
    out_ += c;
    need_comma_ = true;
  }
  void Escaped(std::string_view text, bool bytes_as_code_points = false);

  std::string out_;
  bool need_comma_ = false;
};

}  // namespace hearth
