//! Words of export. See the convention in [`crate::i18n`].
