#pragma once

#include <QDialog>

namespace kengele {

class Profile;

class ImportDialog final : public QDialog
{
    Q_OBJECT

public:
    ImportDialog(Profile &profile, const QString &filePath, QWidget *parent = nullptr);
};

} // namespace kengele
