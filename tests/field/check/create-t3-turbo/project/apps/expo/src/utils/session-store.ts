import * as SecureStore from "expo-secure-store";






