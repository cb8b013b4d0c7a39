// An import file as an XLSX workbook: the ZIP archive (libzip), the sheets' and shared strings'
// XML (expat), cells, dates, with small limits so that bombs end quickly.
#include <cstddef>
#include <cstdint>
#include <string>

#include "core/xlsx_reader.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view bytes(reinterpret_cast<const char*>(data), size);
  if (!hearth::LooksLikeZip(bytes)) return 0;
  hearth::XlsxLimits limits;
  limits.max_sheet_bytes = 8u << 20;
  limits.max_shared_strings_bytes = 4u << 20;
  std::size_t cells = 0;
  (void)hearth::ReadXlsx(
      bytes,
      [&](const std::vector<std::string>& row, int) {
        cells += row.size();
        return cells < 200000;
      },
      [](int) {}, limits);
  return 0;
}
