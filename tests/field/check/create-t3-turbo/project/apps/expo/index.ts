import "expo-router/entry";
