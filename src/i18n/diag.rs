//! Words of diag. See the convention in [`crate::i18n`].
