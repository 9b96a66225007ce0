//! Words of tui. See the convention in [`crate::i18n`].
