#include "modules/surveys/results/stats.hpp"

#include <algorithm>
#include <cmath>

namespace hearth::surveys {

namespace {
constexpr double kZ = 1.959963984540054;  // the 97.5th percentile of the normal distribution
}

std::optional<Share> ShareOf(std::int64_t yes, std::int64_t n) {
  if (n <= 0) return std::nullopt;
  const double p = static_cast<double>(yes) / static_cast<double>(n), dn = static_cast<double>(n);
  const double z2 = kZ * kZ;
  const double centre = (p + z2 / (2 * dn)) / (1 + z2 / dn);
  const double half = kZ * std::sqrt(p * (1 - p) / dn + z2 / (4 * dn * dn)) / (1 + z2 / dn);
  return Share{yes, n, p, std::max(0.0, centre - half), std::min(1.0, centre + half)};
}

std::optional<Nps> NpsOf(std::int64_t promoters, std::int64_t detractors, std::int64_t n) {
  if (n <= 0) return std::nullopt;
  const double dn = static_cast<double>(n);
  const double pp = static_cast<double>(promoters) / dn, pd = static_cast<double>(detractors) / dn;
  const double mean = pp - pd;
  const double variance = std::max(0.0, pp + pd - mean * mean);
  const double half = kZ * std::sqrt(variance / dn);
  return Nps{promoters, n - promoters - detractors, detractors, n, 100 * mean, std::max(-100.0, 100 * (mean - half)),
             std::min(100.0, 100 * (mean + half))};
}

std::optional<double> Correlation(double n, double sx, double sy, double sxx, double syy, double sxy) {
  if (n < 3) return std::nullopt;
  const double vx = n * sxx - sx * sx, vy = n * syy - sy * sy;
  if (vx <= 1e-9 || vy <= 1e-9) return std::nullopt;
  return std::clamp((n * sxy - sx * sy) / std::sqrt(vx * vy), -1.0, 1.0);
}

}  // namespace hearth::surveys
