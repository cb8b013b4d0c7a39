#pragma once

namespace hearth {

/// Owns a T that the header declaring the owner only forward-declares, so that a public service
/// header need not include its repo header (the SQL stays out of every other module's view).
/// T is made and destroyed in T's own .cpp, which instantiates this template there:
///
///   // customer_service.hpp                     // customer_repo.cpp
///   class CustomerRepo;                          #include "core/hidden_impl.hpp"
///   Hidden<CustomerRepo> repo_;                  template class hearth::Hidden<CustomerRepo>;
///
/// Not copyable; not thread-safe beyond what T is.
template <typename T>
class Hidden {
 public:
  Hidden();
  ~Hidden();
  Hidden(const Hidden&) = delete;
  Hidden& operator=(const Hidden&) = delete;

  T* operator->() const { return value_; }
  T& operator*() const { return *value_; }

 private:
  T* value_;
};

}  // namespace hearth
