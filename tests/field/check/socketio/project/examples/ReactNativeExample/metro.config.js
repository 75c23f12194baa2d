const {getDefaultConfig, mergeConfig} = require('@react-native/metro-config');










