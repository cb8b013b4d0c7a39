#pragma once
// The routes of the sales module's parts, each defined in its folder's *_routes.cpp and mounted
// by BuildManifest (sales_routes.cpp). Private to the module.
#include "modules/sales/sales_module.hpp"

namespace hearth::sales {

void AddLeadRoutes(platform::Manifest& m, LeadService& leads);
void AddDealRoutes(platform::Manifest& m, DealService& deals);

}  // namespace hearth::sales
