// An import file as text: UTF-8 or GB18030 detection and conversion, then RFC 4180 records.
#include <cstddef>
#include <cstdint>
#include <string>

#include "core/csv.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view bytes(reinterpret_cast<const char*>(data), size);
  auto text = hearth::DecodeText(bytes);
  if (!text) return 0;
  std::size_t fields = 0;
  (void)hearth::ReadCsv(*text, [&](const std::vector<std::string>& record, int) {
    fields += record.size();
    return fields < 100000;
  });
  std::string out;
  hearth::AppendCsvField(out, *text);
  return 0;
}
