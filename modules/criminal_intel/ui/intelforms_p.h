#pragma once
// The centre's dialogs' frame, shared by the leads desk and the investigations page.
#include "formdialog.h"

#include <QComboBox>
#include <QDialog>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QFuture>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

#include <functional>

namespace hexhub::criminalintel {

//! The centre's dialogs use the frame every desk shares (formdialog.h).
using hexhub::FormDialog;

} // namespace hexhub::criminalintel
