#pragma once
// The store's private state, shared by the files that implement Store (store.cpp and the event
// layer's event_layers.cpp).
#include "entente/store/store.hpp"
#include "sqlite.hpp"

namespace entente::store {

struct Store::Impl {
  sql::Database db;
  explicit Impl(sql::Database d) : db(std::move(d)) {}
};

}  // namespace entente::store
