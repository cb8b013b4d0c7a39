#include <chrono>
#include <fstream>
#include <iostream>

#include <fmt/format.h>

#include "cli/commands.hpp"
#include "core/csv.hpp"
#include "modules/customers/demo_data.hpp"

namespace hearth::cli {

namespace {

// Customers as a CSV file in the import format, for import tests and benchmarks.
int WriteDemoCsv(const DemoOptions& options) {
  std::ofstream out(options.csv_path, std::ios::binary);
  if (!out) {
    std::cerr << "hearth: cannot write " << options.csv_path << "\n";
    return 1;
  }
  out << "name,phone,id_number,gender,birth_date,marital_status,children_birth_years,income_level,city,occupation,"
         "source_channel,tags,consent_marketing\n";
  customers::DemoCustomers make(options.seed);
  const Timestamp now = SystemClock().Now();
  std::string line;
  for (std::int64_t n = options.csv_first; n < options.csv_first + options.customers; ++n) {
    const auto c = make.Make(n, 0, 0, now);
    line.clear();
    auto field = [&](std::string_view v) {
      AppendCsvField(line, v);
      line += ',';
    };
    field(c.name);
    field(c.phones.front().phone);
    field(c.id_number.value_or(""));
    field(c.gender);
    field(c.birth_date.value_or(""));
    field(c.marital_status.value_or(""));
    std::string years;
    for (int y : c.children_birth_years) years += (years.empty() ? "" : ";") + std::to_string(y);
    field(years);
    field(c.income_level.value_or(""));
    field(c.city.value_or(""));
    field(c.occupation.value_or(""));
    field(c.source_channel.value_or(""));
    std::string tags;
    for (const auto& t : c.tags) tags += (tags.empty() ? "" : ";") + t;
    field(tags);
    line += c.consent_marketing ? "true" : "false";
    out << line << '\n';
  }
  std::cout << fmt::format("wrote {} customers to {}\n", options.customers, options.csv_path);
  return 0;
}

}  // namespace

int Demo(const Config& config, const DemoOptions& options) {
  if (!options.csv_path.empty()) return WriteDemoCsv(options);
  App app(config);
  if (auto ready = app.Prepare(); !ready) return ReportError(ready.error());
  const auto started = std::chrono::steady_clock::now();
  // Each module adds its part in mount order: the org tree and staff, customers, homes, tickets.
  platform::Demo demo;
  demo.group_name = app.config.group_name;
  demo.customers = options.customers;
  demo.events = options.events;
  demo.tickets = options.tickets;
  demo.seed = options.seed;
  for (const auto& m : app.manifests()) {
    if (!m.demo) continue;
    if (auto done = m.demo(demo); !done) return ReportError(done.error());
    // The platform's part may have made the group: give it the modules' defaults (the service
    // centre's categories, calendar and rules) before the modules fill it.
    if (m.name == "platform") {
      if (auto seeded = app.Seed(); !seeded) return ReportError(seeded.error());
    }
  }
  const double s = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  std::cerr << "\n";
  std::cout << fmt::format("demo: {} companies, {} added in {:.1f} s\n", demo.companies.size(), fmt::join(demo.made, ", "), s);
  std::cout << "demo: sign in as manager, agent, sales or viewer with the password Demo-pass-1\n";
  if (app.bootstrapped == platform::Bootstrapped::kCreated) {
    std::cout << "demo: sign in as admin with the password in HEARTH_ADMIN_PASSWORD\n";
  } else if (app.bootstrapped == platform::Bootstrapped::kNoAdministrator) {
    std::cout << "demo: no administrator yet: start `HEARTH_ADMIN_PASSWORD=... hearth serve` to create the user admin\n";
  }
  return 0;
}

}  // namespace hearth::cli
