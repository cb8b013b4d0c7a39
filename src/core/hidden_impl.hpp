#pragma once
#include "core/hidden.hpp"

// Included only by the .cpp that defines T, next to `template class hearth::Hidden<T>;`.
namespace hearth {

template <typename T>
Hidden<T>::Hidden() : value_(new T()) {}

template <typename T>
Hidden<T>::~Hidden() {
  delete value_;
}

}  // namespace hearth
