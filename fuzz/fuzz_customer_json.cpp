// A customer body as a client sends it: JSON parsing (Request::JsonObject) and every field's
// validation (ParseCustomerInput), for a new customer and for a PATCH.
#include <cstddef>
#include <cstdint>

#include "http/request.hpp"
#include "modules/customers/customer.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  hearth::http::Request req;
  req.body.assign(reinterpret_cast<const char*>(data), size);
  auto body = req.JsonObject();
  if (!body) return 0;
  (void)hearth::customers::ParseCustomerInput(*body, false);
  (void)hearth::customers::ParseCustomerInput(*body, true);
  return 0;
}
