#pragma once
#include <cstdint>
#include <optional>

namespace hearth::surveys {

/// A share with its 95% confidence interval (Wilson's score interval, which stays inside 0–1 and
/// behaves for small samples and shares near 0 or 1).
struct Share {
  std::int64_t yes = 0;
  std::int64_t n = 0;
  double share = 0;
  double low = 0;
  double high = 0;
};
std::optional<Share> ShareOf(std::int64_t yes, std::int64_t n);

/// The net promoter score (−100..100) with its 95% interval: promoters answer 9–10, detractors 0–6;
/// the variance of the per-respondent score (+1, 0, −1) gives the interval.
struct Nps {
  std::int64_t promoters = 0;
  std::int64_t passives = 0;
  std::int64_t detractors = 0;
  std::int64_t n = 0;
  double score = 0;
  double low = 0;
  double high = 0;
};
std::optional<Nps> NpsOf(std::int64_t promoters, std::int64_t detractors, std::int64_t n);

/// Pearson's correlation from the sums of x, y, x², y², xy over n pairs; none when n < 3 or
/// either variable does not vary.
std::optional<double> Correlation(double n, double sx, double sy, double sxx, double syy, double sxy);

}  // namespace hearth::surveys
