//! Words of cli. See the convention in [`crate::i18n`].
