// Identity values as they arrive: resident ID numbers (身份证, checksum and birth date), phone
// numbers (mobile and landline forms), Excel serial dates.
#include <cstddef>
#include <cstdint>
#include <string>

#include "core/phone.hpp"
#include "core/xlsx_reader.hpp"
#include "modules/customers/resident_id.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  (void)hearth::customers::ResidentId::Parse(text);
  (void)hearth::customers::ResidentId::Parse(text, "2026-11-23");
  if (auto phone = hearth::NormalizePhone(text)) {
    // A normalised number normalises to itself.
    if (hearth::NormalizePhone(*phone) != phone) __builtin_trap();
  }
  (void)hearth::ExcelSerialDate(text);
  return 0;
}
